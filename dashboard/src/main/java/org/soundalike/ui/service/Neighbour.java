package org.soundalike.ui.service;

import java.util.List;

/** A track near another on the map, with its distance in map units. */
public record Neighbour(String id, List<String> tags, double distance) {}
