package com.revos.voice.optimizer.campaign.model;

import java.nio.ByteBuffer;

/**
 * Attempts and connects per contact-local hour of day over the campaign's whole history (not only the window):
 * retiming needs every hour's evidence, and the window would mostly hold the hours the campaign dials now.
 */
final class HourlyConnects {

    private final int[] attempts = new int[24];
    private final int[] connects = new int[24];

    void add(Attempt attempt) {
        if (attempt.localHour() < 0) {
            return;
        }
        attempts[attempt.localHour()]++;
        if (attempt.connected()) {
            connects[attempt.localHour()]++;
        }
    }

    int attempts(int hour) {
        return attempts[hour];
    }

    double connectRate(int hour) {
        return attempts[hour] == 0 ? 0.0 : (double) connects[hour] / attempts[hour];
    }

    static int serializedSize() {
        return 24 * 8;
    }

    void writeTo(ByteBuffer out) {
        for (int hour = 0; hour < 24; hour++) {
            out.putInt(attempts[hour]).putInt(connects[hour]);
        }
    }

    static HourlyConnects readFrom(ByteBuffer in) {
        var hourly = new HourlyConnects();
        for (int hour = 0; hour < 24; hour++) {
            hourly.attempts[hour] = in.getInt();
            hourly.connects[hour] = in.getInt();
        }
        return hourly;
    }
}
