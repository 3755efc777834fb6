package com.revos.voice.optimizer.campaign.infrastructure;

import com.revos.voice.optimizer.campaign.model.CallingHoursCeiling;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The legal calling hours no retime may leave ({@code revos.optimizer.calling-hours.*}), in the contact's local time:
 * the federal 08:00-21:00 by default; an operator may configure a stricter ceiling. The dialer applies the state
 * rules at dial time on top.
 */
@ConfigurationProperties("revos.optimizer.calling-hours")
record CallingHoursProperties(@DefaultValue("8") int startHour, @DefaultValue("21") int endHour) {

    CallingHoursCeiling ceiling() {
        return new CallingHoursCeiling(startHour, endHour);
    }
}
