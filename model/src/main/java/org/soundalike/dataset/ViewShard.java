package org.soundalike.dataset;

import java.io.Serializable;

/**
 * One shard as the index lists it.
 *
 * @param file the shard's file name, relative to the shard folder
 * @param epoch the epoch all its views belong to
 * @param shard the shard's number within the epoch
 * @param views how many views it holds
 * @param bytes its size
 * @param sha256 SHA-256 of the whole file, lower-case hex
 */
public record ViewShard(String file, int epoch, int shard, int views, long bytes, String sha256) implements Serializable {}
