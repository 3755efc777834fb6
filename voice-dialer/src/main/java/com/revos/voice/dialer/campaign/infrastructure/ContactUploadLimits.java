package com.revos.voice.dialer.campaign.infrastructure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code revos.dialer.contacts.*}: what one contact upload may hold (ADR 0019). Beyond {@code maxBytes} or
 * {@code maxRows} the upload is refused with 413 (at once when its Content-Length says so; else where the limit is
 * met, keeping the rows read before it); a row with a field longer than {@code maxFieldLength} is rejected; the
 * answer lists the first {@code maxRejectionsListed} rejections and counts them all.
 *
 * @param maxBytes the body's size ({@code REVOS_DIALER_CONTACTS_MAX_BYTES}, and so on by relaxed binding)
 * @param maxRows contacts per upload
 * @param maxFieldLength characters of any one field: the phone, a column name, a variable's name or value
 * @param maxRejectionsListed rejections listed in the answer
 */
@ConfigurationProperties("revos.dialer.contacts")
record ContactUploadLimits(@DefaultValue("20MB") DataSize maxBytes, @DefaultValue("100000") int maxRows,
                           @DefaultValue("1000") int maxFieldLength,
                           @DefaultValue("1000") int maxRejectionsListed) {
}
