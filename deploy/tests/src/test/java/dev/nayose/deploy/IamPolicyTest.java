package dev.nayose.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nayose.deploy.IamPolicy.Decision;
import dev.nayose.deploy.IamPolicy.Environment;
import dev.nayose.deploy.IamPolicy.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The evaluator on policies worked out by hand, in the shapes CDK writes them. */
class IamPolicyTest {
  private static final String Q = "arn:aws:sqs:ap-northeast-1:123456789012:";

  /** A role, a queue and a bucket; one CDK-style DefaultPolicy and one inline policy with a Deny. */
  private static final String TEMPLATE = """
      {"Resources": {
        "Chunks": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "nayose-chunks"}},
        "Uploads": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "nayose-uploads"}},
        "Role": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": "nayose-match-service",
          "Policies": [{"PolicyName": "no-purge", "PolicyDocument": {"Statement": [
            {"Effect": "Deny", "Action": "sqs:Purge*", "Resource": "*"}]}}]}},
        "Other": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": "someone-else"}},
        "RoleDefaultPolicy": {"Type": "AWS::IAM::Policy", "Properties": {"Roles": [{"Ref": "Role"}],
          "PolicyDocument": {"Statement": [
            {"Effect": "Allow", "Action": ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:Purge*"],
             "Resource": {"Fn::GetAtt": ["Chunks", "Arn"]}},
            {"Effect": "Allow", "Action": "sqs:GetQueue?rl",
             "Resource": {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":sqs:", {"Ref": "AWS::Region"}, ":",
               {"Ref": "AWS::AccountId"}, ":nayose-*"]]}},
            {"Effect": "Allow", "Action": "s3:GetObject",
             "Resource": {"Fn::Join": ["", [{"Fn::GetAtt": ["Uploads", "Arn"]}, "/incoming/*"]]}},
            {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": {"Fn::GetAtt": ["Uploads", "Arn"]}}]}}},
        "OtherPolicy": {"Type": "AWS::IAM::Policy", "Properties": {"Roles": [{"Ref": "Other"}],
          "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}}}
      }}""";

  private static IamPolicy role() {
    return IamPolicy.ofRole(template(TEMPLATE), "nayose-match-service", Environment.TOKYO);
  }

  @ParameterizedTest(name = "{0} on {1}: {2}")
  @CsvSource({
      // the queue's GetAtt resolves to its ARN in the environment
      "sqs:ReceiveMessage, " + Q + "nayose-chunks, ALLOWED",
      // actions match case-insensitively, resources do not
      "SQS:receivemessage, " + Q + "nayose-chunks, ALLOWED",
      "sqs:ReceiveMessage, " + Q + "Nayose-chunks, IMPLICITLY_DENIED",
      "sqs:SendMessage, " + Q + "nayose-chunks, IMPLICITLY_DENIED",
      "sqs:ReceiveMessage, " + Q + "nayose-chunks-dlq, IMPLICITLY_DENIED",
      // another region or account is another queue
      "sqs:ReceiveMessage, arn:aws:sqs:us-east-1:123456789012:nayose-chunks, IMPLICITLY_DENIED",
      // ? is one character, * any; the Join of pseudo parameters is this account's region
      "sqs:GetQueueUrl, " + Q + "nayose-matched-dlq, ALLOWED",
      "sqs:GetQueueUrlX, " + Q + "nayose-matched, IMPLICITLY_DENIED",
      "sqs:GetQueueUrl, " + Q + "other-queue, IMPLICITLY_DENIED",
      "sqs:GetQueueUrl, arn:aws:sqs:ap-northeast-1:999999999999:nayose-chunks, IMPLICITLY_DENIED",
      // an explicit Deny of another policy wins over the Allow
      "sqs:PurgeQueue, " + Q + "nayose-chunks, EXPLICITLY_DENIED",
      // objects under the prefix, and the bucket itself for ListBucket only
      "s3:GetObject, arn:aws:s3:::nayose-uploads/incoming/acme/1.csv, ALLOWED",
      "s3:GetObject, arn:aws:s3:::nayose-uploads/outgoing/1.csv, IMPLICITLY_DENIED",
      "s3:GetObject, arn:aws:s3:::nayose-uploads, IMPLICITLY_DENIED",
      "s3:ListBucket, arn:aws:s3:::nayose-uploads, ALLOWED",
      "s3:ListBucket, arn:aws:s3:::nayose-uploads/incoming/acme/1.csv, IMPLICITLY_DENIED",
      "s3:GetObject, arn:aws:s3:::nayose-uploads-copy/incoming/1.csv, IMPLICITLY_DENIED"})
  void decidesAsIamWould(String action, String arn, Decision decision) {
    assertThat(role().decide(action, arn)).isEqualTo(decision);
  }

  @Test
  void readsOnlyThePoliciesOfItsRole() {
    assertThat(role().statements()).hasSize(5)
        .extracting(Statement::resources)
        .contains(List.of(Q + "nayose-chunks"), List.of("arn:aws:s3:::nayose-uploads/incoming/*"), List.of("*"));
    assertThat(IamPolicy.ofRole(template(TEMPLATE), "someone-else", Environment.TOKYO).decide("sqs:PurgeQueue",
        Q + "nayose-chunks")).isEqualTo(Decision.ALLOWED);
    assertThatThrownBy(() -> IamPolicy.ofRole(template(TEMPLATE), "nobody", Environment.TOKYO))
        .hasMessageContaining("no AWS::IAM::Role named nobody");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a wildcard in the region part does not reach the account | arn:aws:sqs:*:nayose-chunks | "
          + "arn:aws:sqs:ap-northeast-1:123456789012:nayose-chunks | false",
      "a wildcard per part | arn:aws:sqs:*:*:nayose-chunks | arn:aws:sqs:ap-northeast-1:123456789012:nayose-chunks | true",
      "a star resource is anything | * | arn:aws:s3:::b/k | true",
      "colons of the resource part are in the sixth part | arn:aws:logs:*:*:log-group:nayose:* "
          + "| arn:aws:logs:eu-west-1:1:log-group:nayose:log-stream:x | true",
      "a prefix is not a match | arn:aws:s3:::nayose-uploads | arn:aws:s3:::nayose-uploads/x | false"})
  void matchesEachPartOfAnArnOnItsOwn(String why, String pattern, String arn, boolean matches) {
    IamPolicy policy = IamPolicy.of("test", List.of(new Statement(true, List.of("x:Y"), List.of(pattern))));

    assertThat(policy.decide("x:Y", arn) == Decision.ALLOWED).as(why).isEqualTo(matches);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "{\"Effect\": \"Allow\", \"Action\": \"sqs:*\", \"Resource\": \"*\", \"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"true\"}}} | Condition",
      "{\"Effect\": \"Allow\", \"NotAction\": \"iam:*\", \"Resource\": \"*\"} | NotAction",
      "{\"Effect\": \"Allow\", \"Action\": \"sqs:SendMessage\", \"Resource\": {\"Fn::Sub\": \"arn:${AWS::Partition}:sqs:::q\"}} | Fn::Sub",
      "{\"Effect\": \"Allow\", \"Action\": \"sqs:SendMessage\", \"Resource\": {\"Fn::GetAtt\": [\"Q\", \"QueueUrl\"]}} | only Arn",
      "{\"Effect\": \"Allow\", \"Action\": \"sqs:SendMessage\", \"Resource\": {\"Fn::GetAtt\": [\"Unnamed\", \"Arn\"]}} | no literal QueueName",
      "{\"Effect\": \"Maybe\", \"Action\": \"sqs:SendMessage\", \"Resource\": \"*\"} | Allow or Deny"})
  void refusesWhatItCannotEvaluateInsteadOfGuessing(String statement, String message) {
    String template = """
        {"Resources": {
          "Q": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "q"}},
          "Unnamed": {"Type": "AWS::SQS::Queue", "Properties": {}},
          "R": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": "r"}},
          "P": {"Type": "AWS::IAM::Policy", "Properties": {"Roles": [{"Ref": "R"}],
            "PolicyDocument": {"Statement": [%s]}}}}}""".formatted(statement);

    assertThatThrownBy(() -> IamPolicy.ofRole(template(template), "r", Environment.TOKYO)).hasMessageContaining(message);
  }

  @Test
  void refusesManagedPoliciesItCannotSee() {
    String template = """
        {"Resources": {"R": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": "r",
          "ManagedPolicyArns": ["arn:aws:iam::aws:policy/AdministratorAccess"]}}}}""";

    assertThatThrownBy(() -> IamPolicy.ofRole(template(template), "r", Environment.TOKYO))
        .hasMessageContaining("managed policies");
  }

  static Map<String, Object> template(String json) {
    try {
      return new ObjectMapper().readValue(json, new TypeReference<Map<String, Object>>() { });
    } catch (Exception e) {
      throw new IllegalArgumentException(json, e);
    }
  }
}
