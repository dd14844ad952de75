package org.soundalike.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** logback.xml, the one logging configuration of every command: quiet, on stderr, one switch for all. */
class LoggingConfigTest {

  private static final List<String> SET_UP_NOTICES = List.of(
      "org.apache.flink.runtime.metrics.groups.TaskMetricGroup",
      "org.apache.beam.runners.flink.FlinkRunner",
      "org.apache.beam.sdk.io.FileBasedSink",
      "org.bytedeco.javacpp.Loader",
      "org.nd4j.imports.converters.ImportClassMapping");

  /** A fresh context configured from the file the commands use, with SOUNDALIKE_LOG as given (null: unset). */
  private static LoggerContext configured(String soundalikeLog) throws JoranException {
    LoggerContext context = new LoggerContext();
    if (soundalikeLog != null) {
      context.putProperty("SOUNDALIKE_LOG", soundalikeLog); // looked up like the environment variable
    }
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(LoggingConfigTest.class.getResource("/logback.xml"));
    return context;
  }

  @Test
  void librariesShowWarningsAndTheirSetUpNoticesOnlyWhenTheyAreErrors() throws Exception {
    LoggerContext context = configured(null);

    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("co.elastic.clients.transport").getEffectiveLevel()).isEqualTo(Level.WARN);
    for (String notice : SET_UP_NOTICES) {
      assertThat(context.getLogger(notice).getEffectiveLevel()).as(notice).isEqualTo(Level.ERROR);
    }
  }

  @Test
  void soundalikeLogSetsEveryLoggerAtOnceTheQuietedOnesIncluded() throws Exception {
    LoggerContext context = configured("debug");

    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.DEBUG);
    for (String notice : SET_UP_NOTICES) {
      assertThat(context.getLogger(notice).getEffectiveLevel()).as(notice).isEqualTo(Level.DEBUG);
    }
  }

  @Test
  void everythingGoesToStderrSoThatStdoutCarriesOnlyData() throws Exception {
    LoggerContext context = configured(null);

    ConsoleAppender<?> appender = (ConsoleAppender<?>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
    assertThat(appender.getTarget()).isEqualTo("System.err");
    assertThat(context.getStatusManager().getCopyOfStatusList()).noneMatch(s -> s.getLevel() > 0);
  }
}
