package com.revos.voice.optimizer.campaign.model;

import com.revos.voice.events.CallingWindow;

/**
 * Picks the calling hours that connect best: the best-connecting hour with enough attempts, widened to the
 * neighbouring hours that connect at least as well as the threshold (and half as well as the best). Without such
 * evidence the window moves later by {@link #SHIFT_HOURS}, since evenings usually answer better than office hours.
 */
final class RetimePlanner {

    static final int MIN_ATTEMPTS_PER_HOUR = 3;
    static final int SHIFT_HOURS = 3;

    private RetimePlanner() {
    }

    static Action.Retime plan(HourlyConnects hourly, CallingWindow current, double threshold) {
        var from = current == null ? CallingWindow.DEFAULT : current;
        var best = -1;
        for (int hour = 0; hour < 24; hour++) {
            if (hourly.attempts(hour) >= MIN_ATTEMPTS_PER_HOUR
                    && (best < 0 || hourly.connectRate(hour) > hourly.connectRate(best))) {
                best = hour;
            }
        }
        if (best < 0 || hourly.connectRate(best) <= 0.0) {
            return new Action.Retime(from, shifted(from), true);
        }
        var floor = Math.max(threshold, hourly.connectRate(best) / 2);
        var start = best;
        while (start > 0 && good(hourly, start - 1, floor)) {
            start--;
        }
        var end = best + 1;
        while (end < 24 && good(hourly, end, floor)) {
            end++;
        }
        return new Action.Retime(from, new CallingWindow(start, end, from.days()), false);
    }

    private static boolean good(HourlyConnects hourly, int hour, double floor) {
        return hourly.attempts(hour) >= MIN_ATTEMPTS_PER_HOUR && hourly.connectRate(hour) >= floor;
    }

    private static CallingWindow shifted(CallingWindow from) {
        var length = from.endHour() - from.startHour();
        var start = Math.min(from.startHour() + SHIFT_HOURS, 24 - length);
        return new CallingWindow(start, start + length, from.days());
    }
}
