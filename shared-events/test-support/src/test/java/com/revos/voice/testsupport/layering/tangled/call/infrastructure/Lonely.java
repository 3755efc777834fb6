package com.revos.voice.testsupport.layering.tangled.call.infrastructure;

/** Public, yet used by nothing outside its package. */
public class Lonely {
}
