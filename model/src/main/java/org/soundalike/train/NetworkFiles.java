package org.soundalike.train;

/** Names of parameters that training treats specially. */
final class NetworkFiles {

  /** The tag head W: trained alone by the CLMR baseline, left fresh by technique p. */
  static final String TAG_HEAD = "tags.w";

  private NetworkFiles() {}
}
