package dev.nayose.matcher;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Distinct strings numbered in the order they are first seen. */
final class Dictionary {
  final Map<String, Integer> ids = new HashMap<>();
  final List<String> names = new ArrayList<>();

  int id(String text) {
    if (text == null) {
      return -1;
    }
    return ids.computeIfAbsent(text, t -> {
      names.add(t);
      return names.size() - 1;
    });
  }
}
