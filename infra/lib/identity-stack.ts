// The stateful identity stack: a Cognito user pool with managed login, e-mail sign-in and the stewards group.
import { Fn, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import {
  AccountRecovery,
  FeaturePlan,
  LambdaVersion,
  ManagedLoginVersion,
  Mfa,
  UserPool,
  UserPoolGroup,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { stewardsGroup } from '@collective-actions/shared';
import { PlatformFunction } from './platform-function.ts';

export class IdentityStack extends Stack {
  readonly userPool: UserPool;
  /** The OpenID Connect issuer of the pool's tokens. */
  readonly issuer: string;
  /** Where the managed login pages live, e.g. https://collective-actions-dev-1a2b3c4d.auth.eu-west-3.amazoncognito.com. */
  readonly loginDomain: string;

  constructor(scope: Construct, id: string, props: StackProps & { stage: string }) {
    super(scope, id, props);
    this.userPool = new UserPool(this, 'Users', {
      signInAliases: { email: true },
      selfSignUpEnabled: true,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Essentials: managed login, and access tokens that the pre-token-generation trigger can add claims to.
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    Validations.of(this.userPool).acknowledge(
      {
        id: 'AwsSolutions-COG2',
        reason: 'MFA is offered (authenticator apps) but not imposed: contributors include small civil-society groups signing in occasionally.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason: 'The Essentials plan covers managed login and token customisation; Plus threat protection costs per active user and can be switched on per deployment.',
      },
    );

    const claims = new PlatformFunction(this, 'AccessTokenClaims', {
      entry: 'functions/src/identity/access-token-claims.ts',
      description: 'Adds name and e-mail to access tokens',
      memorySize: 256,
    });
    this.userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, claims.function, LambdaVersion.V2_0);

    new UserPoolGroup(this, 'Stewards', {
      userPool: this.userPool,
      groupName: stewardsGroup,
      description: 'Platform stewards: create and edit actions, verify organisations, moderate anything.',
    });

    // Domain prefixes are global: the stack's own id keeps one per stage and account without naming the account.
    const stackUnique = Fn.select(0, Fn.split('-', Fn.select(2, Fn.split('/', this.stackId))));
    const domain = this.userPool.addDomain('Login', {
      cognitoDomain: { domainPrefix: Fn.join('-', ['collective-actions', props.stage, stackUnique]) },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    this.loginDomain = domain.baseUrl();
    this.issuer = `https://cognito-idp.${this.region}.amazonaws.com/${this.userPool.userPoolId}`;
  }
}
