package org.soundalike.train;

import org.soundalike.net.LossValues;

/**
 * One finished epoch of a run's history.
 *
 * @param epoch 1-based
 * @param training mean losses over the epoch's training steps (before each update)
 * @param validation mean losses over the validation split (fixed crops)
 * @param learningRate Adam's rate during the epoch
 * @param seconds wall time of the epoch (training and validation)
 * @param excerptsPerSecond training views per wall second
 */
public record EpochRecord(
    int epoch, LossValues training, LossValues validation, double learningRate, double seconds,
    double excerptsPerSecond) {}
