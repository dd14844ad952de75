package org.soundalike.pipeline;

import java.util.function.Consumer;
import org.apache.beam.sdk.testing.TestPipeline;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;

/**
 * Runs a {@link TestPipeline} (DirectRunner) from a JUnit 5 test. TestPipeline is a JUnit 4 rule
 * that checks, around the test, that every transform was run and every PAssert was applied; JUnit 5
 * does not apply JUnit 4 rules, so this applies it by hand.
 */
public final class DirectPipelines {

  private DirectPipelines() {}

  public static void test(Class<?> testClass, String name, Consumer<TestPipeline> body) throws Throwable {
    TestPipeline pipeline = TestPipeline.create();
    Statement statement = new Statement() {
      @Override
      public void evaluate() {
        body.accept(pipeline);
      }
    };
    pipeline.apply(statement, Description.createTestDescription(testClass, name)).evaluate();
  }
}
