package com.revos.voice.dialer.call.model;

/**
 * Who may send an attempt: a dialer instance, and for a campaign call the epoch of the campaign's pacing lease it
 * held when it claimed the contact (0 for single calls, whose owner is the request's instance). An instance whose
 * lease another one has taken over since is fenced off: its sends are refused by the send gate.
 */
public record Owner(String instance, long epoch) {
}
