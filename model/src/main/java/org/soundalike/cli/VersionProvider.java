package org.soundalike.cli;

import org.soundalike.run.CodeVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code soundalike --version}: the build's {@link CodeVersion}. */
public final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {"SoundAlike " + CodeVersion.current()};
  }
}
