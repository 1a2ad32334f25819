package dev.nayose.deploy.aws;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

/**
 * The CDK app: one stack, {@code Nayose} (or {@code nayose:stackName}), configured by CDK context
 * (see {@link NayoseSettings#fromContext}). {@code cdk synth -c nayose:oidcProviderArn=...} in
 * deploy/aws.
 */
public final class NayoseAwsApp {
  private NayoseAwsApp() {
  }

  public static void main(String[] args) {
    App app = new App();
    NayoseSettings settings = NayoseSettings.fromContext(app.getNode()::tryGetContext);
    Object stackName = app.getNode().tryGetContext(NayoseSettings.CONTEXT_PREFIX + "stackName");
    new NayoseStack(app, stackName == null ? "Nayose" : stackName.toString(), StackProps.builder()
        .description("nayose: uploads bucket, pipeline queues and dead-letter queues, service roles")
        .env(Environment.builder()
            .account(System.getenv("CDK_DEFAULT_ACCOUNT"))
            .region(System.getenv("CDK_DEFAULT_REGION"))
            .build())
        .build(), settings);
    Tags.of(app).add("app", "nayose");
    app.synth();
  }
}
