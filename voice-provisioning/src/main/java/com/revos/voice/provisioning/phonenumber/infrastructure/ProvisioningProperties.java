package com.revos.voice.provisioning.phonenumber.infrastructure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code revos.provisioning.*}.
 *
 * @param autoPurchase buy a number from Twilio when a tenant asks and the pool has none that fits
 * @param defaultCountry where to buy when the tenant names no country
 */
@ConfigurationProperties("revos.provisioning")
record ProvisioningProperties(@DefaultValue("false") boolean autoPurchase, @DefaultValue("US") String defaultCountry) {
}
