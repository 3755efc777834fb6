@NullMarked
package com.revos.voice.provisioning.agent.model;

import org.jspecify.annotations.NullMarked;
