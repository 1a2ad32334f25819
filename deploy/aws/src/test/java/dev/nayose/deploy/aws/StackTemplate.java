package dev.nayose.deploy.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A synthesised CloudFormation template, read the way a reviewer reads it: resources found by the
 * names they give AWS (queue and role names), intrinsic functions described by what they point at
 * ({@code arn(nayose-chunks)}, {@code ref(nayose-uploads)}), and a role's permissions as a map from
 * action to the resources it is allowed on.
 */
final class StackTemplate {
  private final Map<String, Object> resources;

  @SuppressWarnings("unchecked")
  StackTemplate(Map<String, Object> template) {
    this.resources = (Map<String, Object>) normalised(template.get("Resources"));
  }

  Map<String, Map<String, Object>> resources(String type) {
    Map<String, Map<String, Object>> found = new LinkedHashMap<>();
    resources.forEach((id, r) -> {
      if (type.equals(resource(id).get("Type"))) {
        found.put(id, resource(id));
      }
    });
    return found;
  }

  Map<String, Object> single(String type) {
    Map<String, Map<String, Object>> found = resources(type);
    if (found.size() != 1) {
      throw new AssertionError("expected one " + type + ", found " + found.keySet());
    }
    return found.values().iterator().next();
  }

  Set<String> queueNames() {
    return resources("AWS::SQS::Queue").values().stream()
        .map(q -> (String) map(q, "Properties").get("QueueName"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  Map<String, Object> queue(String name) {
    return resource(idOf("AWS::SQS::Queue", "QueueName", name));
  }

  Map<String, Object> role(String roleName) {
    return resource(idOf("AWS::IAM::Role", "RoleName", roleName));
  }

  /** Action -> resources of every Allow statement of the policies attached to the role. */
  Map<String, Set<String>> permissions(String roleName) {
    String roleId = idOf("AWS::IAM::Role", "RoleName", roleName);
    Map<String, Set<String>> permissions = new TreeMap<>();
    for (Map<String, Object> policy : resources("AWS::IAM::Policy").values()) {
      List<?> roles = (List<?>) map(policy, "Properties").get("Roles");
      if (!roles.contains(Map.of("Ref", roleId))) {
        continue;
      }
      for (Object s : (List<?>) map(policy, "Properties", "PolicyDocument").get("Statement")) {
        Map<?, ?> statement = (Map<?, ?>) s;
        if (!"Allow".equals(statement.get("Effect"))) {
          throw new AssertionError(roleName + ": unexpected statement " + statement);
        }
        for (Object action : list(statement.get("Action"))) {
          for (Object resource : list(statement.get("Resource"))) {
            permissions.computeIfAbsent((String) action, a -> new TreeSet<>())
                .add(describe(resource).replaceAll("arn\\(([^)]*)\\)", "$1"));
          }
        }
      }
    }
    return permissions;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> map(Map<String, Object> from, String... path) {
    Object current = from;
    for (String key : path) {
      current = ((Map<String, Object>) current).get(key);
      if (current == null) {
        throw new AssertionError("no " + String.join(".", path) + " in " + from);
      }
    }
    return (Map<String, Object>) current;
  }

  /** What an intrinsic function points at, in words; plain values as they are. */
  String describe(Object value) {
    if (value instanceof Map<?, ?> m) {
      if (m.containsKey("Fn::GetAtt")) {
        List<?> att = (List<?>) m.get("Fn::GetAtt");
        String what = nameOf((String) att.get(0));
        return switch ((String) att.get(1)) {
          case "Arn" -> "arn(" + what + ")";
          case "QueueName" -> "name(" + what + ")";
          default -> att.get(1) + "(" + what + ")";
        };
      }
      if (m.containsKey("Ref")) {
        String ref = (String) m.get("Ref");
        return ref.startsWith("AWS::") ? "${" + ref + "}" : "ref(" + nameOf(ref) + ")";
      }
      if (m.containsKey("Fn::Join")) {
        List<?> join = (List<?>) m.get("Fn::Join");
        return ((List<?>) join.get(1)).stream().map(this::describe).collect(Collectors.joining((String) join.get(0)));
      }
      if (m.containsKey("Statement")) {
        return ((List<?>) m.get("Statement")).stream().map(s -> statement((Map<?, ?>) s)).collect(Collectors.joining("\n"));
      }
    }
    return String.valueOf(value);
  }

  private String statement(Map<?, ?> s) {
    StringBuilder b = new StringBuilder().append(s.get("Effect")).append(' ');
    Object principal = s.get("Principal");
    if (principal instanceof Map<?, ?> p) {
      b.append(p.values().stream().map(this::describe).collect(Collectors.joining(",")));
    } else {
      b.append(describe(principal));
    }
    b.append(' ').append(list(s.get("Action")).stream().map(String::valueOf).collect(Collectors.joining(",")));
    b.append(" on ").append(list(s.get("Resource")).stream().map(this::describe).collect(Collectors.joining(",")));
    if (s.get("Condition") instanceof Map<?, ?> conditions) {
      conditions.forEach((operator, c) -> ((Map<?, ?>) c).forEach(
          (key, v) -> b.append(" if ").append(key).append('=').append(describe(v))));
    }
    return b.toString();
  }

  private String nameOf(String id) {
    Map<String, Object> r = resource(id);
    Map<?, ?> properties = r.get("Properties") instanceof Map<?, ?> p ? p : Map.of();
    return switch ((String) r.get("Type")) {
      case "AWS::SQS::Queue" -> (String) properties.get("QueueName");
      case "AWS::S3::Bucket" -> "bucket";
      case "AWS::IAM::Role" -> String.valueOf(properties.get("RoleName"));
      default -> (String) r.get("Type");
    };
  }

  private String idOf(String type, String property, String value) {
    return resources(type).entrySet().stream()
        .filter(e -> value.equals(((Map<?, ?>) e.getValue().get("Properties")).get(property)))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " with " + property + " " + value));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> resource(String id) {
    Object r = resources.get(id);
    if (r == null) {
      throw new AssertionError("no resource " + id);
    }
    return (Map<String, Object>) r;
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> l ? l : List.of(value);
  }

  /** Copies jsii's maps and lists, turning whole numbers (which may arrive as doubles) into ints. */
  private static Object normalised(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put(String.valueOf(k), normalised(v)));
      return copy;
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new ArrayList<>();
      l.forEach(v -> copy.add(normalised(v)));
      return copy;
    }
    if (value instanceof Number n && !(value instanceof Integer) && n.doubleValue() == Math.rint(n.doubleValue())
        && Math.abs(n.doubleValue()) < Integer.MAX_VALUE) {
      return n.intValue();
    }
    return value;
  }
}
