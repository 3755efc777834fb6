/**
 * RevOS Voice event contracts: the records every service publishes or consumes, grouped by topic in sealed
 * interfaces, the typed topic descriptors, the CloudEvents envelope and the JSON serde. Plain Java, no Spring.
 */
@NullMarked
package com.revos.voice.events;

import org.jspecify.annotations.NullMarked;
