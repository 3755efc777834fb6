@NullMarked
package com.revos.voice.provisioning.agent.application;

import org.jspecify.annotations.NullMarked;
