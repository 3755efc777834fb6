package com.revos.voice.provisioning.provider.application;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The carrier we buy numbers from (Twilio today). */
public interface TelephonyCarrier {

    /** Voice-capable local numbers on offer, at most {@code limit}; {@code areaCode} may be null. */
    List<AvailableNumber> searchLocal(String country, @Nullable String areaCode, int limit);

    /** Buys a number from a search; a retry after a lost answer returns the number already bought. */
    OwnedNumber buy(String e164);

    /** Gives the number back to the carrier; releasing one that is already gone succeeds. */
    void release(String carrierId);
}
