package dev.nayose.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The identity policies of one IAM role of a synthesised CloudFormation template, evaluated the
 * way IAM evaluates them for a request of that role: an explicit Deny wins, otherwise an Allow
 * whose action and resource patterns match allows, otherwise it is implicitly denied. Actions match
 * case-insensitively, resources case-sensitively, each of the ARN's six parts on its own (a
 * {@code *} of the region does not reach into the account); {@code *} and {@code ?} are wildcards.
 *
 * <p>The role's statements come from its inline {@code Policies} and every {@code AWS::IAM::Policy}
 * that names it in {@code Roles} (where CDK's {@code addToPolicy} and {@code grant*} put them), with
 * the intrinsic functions CDK writes resolved in a given account and region: {@code Ref} of a
 * pseudo parameter or of a bucket, {@code Fn::GetAtt} of a queue's or a bucket's {@code Arn},
 * {@code Fn::Join}. What it cannot evaluate it refuses to guess: managed policies, conditions,
 * {@code NotAction}/{@code NotResource} and other functions throw.
 */
final class IamPolicy {
  /** Where a synthesised, environment-agnostic template is evaluated. */
  record Environment(String partition, String region, String account) {
    static final Environment TOKYO = new Environment("aws", "ap-northeast-1", "123456789012");
  }

  /** The outcome for one request. */
  enum Decision { ALLOWED, EXPLICITLY_DENIED, IMPLICITLY_DENIED }

  /** One statement, its resources resolved to ARN patterns. */
  record Statement(boolean allow, List<String> actions, List<String> resources) {
    Statement {
      actions = List.copyOf(actions);
      resources = List.copyOf(resources);
    }

    boolean matches(String action, String arn) {
      return actions.stream().anyMatch(a -> glob(a.toLowerCase(Locale.ROOT)).matcher(action.toLowerCase(Locale.ROOT)).matches())
          && resources.stream().anyMatch(r -> arnMatches(r, arn));
    }
  }

  private final String roleName;
  private final List<Statement> statements;

  private IamPolicy(String roleName, List<Statement> statements) {
    this.roleName = roleName;
    this.statements = List.copyOf(statements);
  }

  /** The policies of the role whose {@code RoleName} is {@code roleName} in {@code template}. */
  static IamPolicy ofRole(Map<String, Object> template, String roleName, Environment environment) {
    Map<String, Object> resources = map(template.get("Resources"), "Resources");
    Resolver resolver = new Resolver(resources, environment);
    String roleId = null;
    for (var e : resources.entrySet()) {
      Map<String, Object> r = map(e.getValue(), e.getKey());
      if ("AWS::IAM::Role".equals(r.get("Type")) && roleName.equals(properties(r).get("RoleName"))) {
        roleId = e.getKey();
      }
    }
    if (roleId == null) {
      throw new IllegalArgumentException("the template has no AWS::IAM::Role named " + roleName);
    }
    Map<String, Object> role = properties(map(resources.get(roleId), roleId));
    if (role.containsKey("ManagedPolicyArns")) {
      throw new IllegalArgumentException(roleName + " has managed policies " + role.get("ManagedPolicyArns")
          + ", which are not in the template and cannot be evaluated");
    }
    List<Statement> statements = new ArrayList<>();
    for (Object inline : list(role.getOrDefault("Policies", List.of()))) {
      statements.addAll(statements(map(inline, roleName), resolver, roleName));
    }
    Map<String, Object> ref = Map.of("Ref", roleId);
    for (var e : resources.entrySet()) {
      Map<String, Object> r = map(e.getValue(), e.getKey());
      if ("AWS::IAM::Policy".equals(r.get("Type")) && list(properties(r).getOrDefault("Roles", List.of())).contains(ref)) {
        statements.addAll(statements(properties(r), resolver, e.getKey()));
      }
    }
    return new IamPolicy(roleName, statements);
  }

  /** A policy of these statements alone (for tests of the evaluation). */
  static IamPolicy of(String name, List<Statement> statements) {
    return new IamPolicy(name, statements);
  }

  String roleName() {
    return roleName;
  }

  List<Statement> statements() {
    return statements;
  }

  Decision decide(String action, String arn) {
    boolean allowed = false;
    for (Statement s : statements) {
      if (s.matches(action, arn)) {
        if (!s.allow()) {
          return Decision.EXPLICITLY_DENIED;
        }
        allowed = true;
      }
    }
    return allowed ? Decision.ALLOWED : Decision.IMPLICITLY_DENIED;
  }

  private static List<Statement> statements(Map<String, Object> policy, Resolver resolver, String where) {
    Map<String, Object> document = map(policy.get("PolicyDocument"), where + ".PolicyDocument");
    List<Statement> statements = new ArrayList<>();
    for (Object s : list(document.get("Statement"))) {
      Map<String, Object> statement = map(s, where + ".Statement");
      for (String unsupported : List.of("Condition", "NotAction", "NotResource", "NotPrincipal")) {
        if (statement.containsKey(unsupported)) {
          throw new IllegalArgumentException(where + ": a statement with " + unsupported
              + " cannot be evaluated here: " + statement);
        }
      }
      Object effect = statement.get("Effect");
      if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
        throw new IllegalArgumentException(where + ": Effect must be Allow or Deny, not " + effect);
      }
      List<String> actions = list(statement.get("Action")).stream().map(a -> (String) a).toList();
      List<String> arns = list(statement.get("Resource")).stream().map(resolver::resolve).toList();
      statements.add(new Statement("Allow".equals(effect), actions, arns));
    }
    return statements;
  }

  /** The intrinsic functions CDK writes into policy resources, resolved in one environment. */
  private record Resolver(Map<String, Object> resources, Environment environment) {
    String resolve(Object value) {
      if (value instanceof String s) {
        return s;
      }
      Map<String, Object> function = map(value, "a resource");
      if (function.size() == 1 && function.containsKey("Ref")) {
        return ref((String) function.get("Ref"));
      }
      if (function.size() == 1 && function.containsKey("Fn::GetAtt")) {
        List<Object> attribute = list(function.get("Fn::GetAtt"));
        return attribute((String) attribute.get(0), (String) attribute.get(1));
      }
      if (function.size() == 1 && function.containsKey("Fn::Join")) {
        List<Object> join = list(function.get("Fn::Join"));
        return list(join.get(1)).stream().map(this::resolve).collect(Collectors.joining((String) join.get(0)));
      }
      throw new IllegalArgumentException("cannot resolve " + value + ": only Ref, Fn::GetAtt and Fn::Join are evaluated");
    }

    private String ref(String name) {
      return switch (name) {
        case "AWS::Partition" -> environment.partition();
        case "AWS::Region" -> environment.region();
        case "AWS::AccountId" -> environment.account();
        case "AWS::URLSuffix" -> "amazonaws.com";
        default -> {
          Map<String, Object> r = resource(name);
          if (!"AWS::S3::Bucket".equals(r.get("Type"))) {
            throw new IllegalArgumentException("a Ref of " + name + " (" + r.get("Type") + ") is no ARN or name IAM reads");
          }
          yield bucketName(name, r);
        }
      };
    }

    private String attribute(String id, String attribute) {
      Map<String, Object> r = resource(id);
      if (!"Arn".equals(attribute)) {
        throw new IllegalArgumentException("cannot resolve " + id + "." + attribute + ": only Arn is evaluated");
      }
      return switch ((String) r.get("Type")) {
        case "AWS::SQS::Queue" -> "arn:" + environment.partition() + ":sqs:" + environment.region() + ":"
            + environment.account() + ":" + named(id, r, "QueueName");
        case "AWS::S3::Bucket" -> "arn:" + environment.partition() + ":s3:::" + bucketName(id, r);
        default -> throw new IllegalArgumentException("cannot resolve the Arn of " + id + " (" + r.get("Type") + ")");
      };
    }

    private static String bucketName(String id, Map<String, Object> bucket) {
      return named(id, bucket, "BucketName");
    }

    private static String named(String id, Map<String, Object> r, String property) {
      Object name = properties(r).get(property);
      if (!(name instanceof String s)) {
        throw new IllegalArgumentException(id + " has no literal " + property + " (CloudFormation names it at deployment):"
            + " synthesise the stack with a name to evaluate its policies");
      }
      return s;
    }

    private Map<String, Object> resource(String id) {
      Object r = resources.get(id);
      if (r == null) {
        throw new IllegalArgumentException("the template has no resource " + id);
      }
      return map(r, id);
    }
  }

  private static boolean arnMatches(String pattern, String arn) {
    if (pattern.equals("*")) {
      return true;
    }
    String[] p = pattern.split(":", 6);
    String[] a = arn.split(":", 6);
    if (p.length != 6 || a.length != 6) {
      return false;
    }
    for (int i = 0; i < 6; i++) {
      if (!glob(p[i]).matcher(a[i]).matches()) {
        return false;
      }
    }
    return true;
  }

  /** {@code *}: any characters, {@code ?}: one; everything else literally. */
  static Pattern glob(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  private static Map<String, Object> properties(Map<String, Object> resource) {
    Object p = resource.get("Properties");
    return p == null ? Map.of() : map(p, "Properties");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String what) {
    if (!(value instanceof Map<?, ?>)) {
      throw new IllegalArgumentException(what + " is not an object: " + value);
    }
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return value instanceof List<?> l ? (List<Object>) l : List.of(Objects.requireNonNull(value, "a missing list"));
  }
}
