package org.soundalike.pipeline.demo;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * One stage of the demo chain: a name, a check that says why the stage's output is already there
 * (so a second demo run skips it), and the work, which returns a one-line result.
 */
record DemoStage(String name, Supplier<Optional<String>> alreadyDone, Supplier<String> work) {}
