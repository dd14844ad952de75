package org.soundalike.pipeline.augment;

import java.io.Serializable;

/**
 * One training view to make: which track, epoch and view, and the shard it goes to.
 *
 * @param samples the track's decoded length, from the manifest (the crop is drawn within it)
 */
public record ViewRequest(String trackId, String path, long samples, int epoch, int view, int shard)
    implements Serializable {}
