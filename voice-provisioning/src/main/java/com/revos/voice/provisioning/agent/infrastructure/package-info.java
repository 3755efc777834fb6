@NullMarked
package com.revos.voice.provisioning.agent.infrastructure;

import org.jspecify.annotations.NullMarked;
