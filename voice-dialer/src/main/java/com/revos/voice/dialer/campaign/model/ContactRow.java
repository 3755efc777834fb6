package com.revos.voice.dialer.campaign.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One contact of an upload as it was read, numbered from 1 (a CSV header is not counted); not yet checked. */
public record ContactRow(int row, @Nullable String phone, Map<String, Object> variables) {
}
