package com.revos.voice.optimizer.campaign.model;

/**
 * The legal calling hours in the contact's local time that no retime may leave (compliance.md: federal 08:00-21:00
 * by default; the operator may configure a stricter one). The dialer separately applies the stricter state rules at
 * dial time; the optimizer only never proposes hours outside this ceiling.
 *
 * @param startHour inclusive
 * @param endHour exclusive
 */
public record CallingHoursCeiling(int startHour, int endHour) {

    public static final CallingHoursCeiling FEDERAL = new CallingHoursCeiling(8, 21);

    public CallingHoursCeiling {
        if (startHour < 0 || endHour > 24 || startHour >= endHour) {
            throw new IllegalArgumentException("calling-hours ceiling must be 0 <= start < end <= 24");
        }
    }

    public int hours() {
        return endHour - startHour;
    }

    public boolean allows(int startHour, int endHour) {
        return startHour >= this.startHour && endHour <= this.endHour && startHour < endHour;
    }
}
