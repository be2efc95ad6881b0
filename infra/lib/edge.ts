// CloudFront in front of everything: pages and the API from API Gateway, the site's files and the open data from S3,
// with the security headers shared/src/security-headers.ts defines (which the local servers add themselves).
import { Duration, Fn, Stack, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CacheQueryStringBehavior,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  OriginRequestPolicy,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
  type BehaviorOptions,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { publicCacheSeconds } from '@collective-actions/shared/api-policy';
import { routes } from '@collective-actions/shared/routes';
import { fallbackContentSecurityPolicy, permissionsPolicy, strictTransportSecurity } from '@collective-actions/shared/security-headers';

// Lets the site build absolute URLs for the address the visitor used, not the API's. Names of our
// own: CloudFront reserves some X-Forwarded-* headers for itself.
const viewerHost = `function handler(event) {
  var request = event.request;
  request.headers['x-viewer-host'] = { value: request.headers.host.value };
  request.headers['x-viewer-proto'] = { value: 'https' };
  return request;
}`;

export interface EdgeProps {
  apiEndpoint: string;
  siteAssets: IBucket;
  openData: IBucket;
}

export class Edge extends Construct {
  /** The platform's address. */
  readonly siteUrl: string;

  constructor(scope: Construct, id: string, { apiEndpoint, siteAssets, openData }: EdgeProps) {
    super(scope, id);
    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      securityHeadersBehavior: {
        strictTransportSecurity: {
          accessControlMaxAge: Duration.seconds(strictTransportSecurity.maxAgeSeconds),
          includeSubdomains: strictTransportSecurity.includeSubDomains,
          preload: strictTransportSecurity.preload,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
        // The site sends its own policy with the hashes of its scripts; this one covers everything else.
        contentSecurityPolicy: { contentSecurityPolicy: fallbackContentSecurityPolicy, override: false },
      },
      customHeadersBehavior: { customHeaders: [{ header: 'Permissions-Policy', value: permissionsPolicy, override: true }] },
    });
    const dynamic: BehaviorOptions = {
      origin: new HttpOrigin(Fn.select(2, Fn.split('/', apiEndpoint))),
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: headers,
      functionAssociations: [
        {
          eventType: FunctionEventType.VIEWER_REQUEST,
          function: new CloudFrontFunction(this, 'ViewerHost', { code: FunctionCode.fromInline(viewerHost), runtime: FunctionRuntime.JS_2_0 }),
        },
      ],
    };
    const fromBucket = (bucket: IBucket): BehaviorOptions => ({
      origin: S3BucketOrigin.withOriginAccessControl(bucket),
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy: headers,
    });
    const distribution = new Distribution(this, 'Distribution', {
      comment: `Collective Actions (${Stack.of(this).stackName})`,
      defaultBehavior: {
        ...dynamic,
        // Pages are cached for as long as the site says (briefly, and only pages anyone may see);
        // every cookie is part of the key, so a signed-in page is never served to someone else.
        cachePolicy: new CachePolicy(this, 'Pages', {
          minTtl: Duration.seconds(0),
          defaultTtl: Duration.seconds(0),
          maxTtl: Duration.minutes(5),
          cookieBehavior: CacheCookieBehavior.all(),
          queryStringBehavior: CacheQueryStringBehavior.all(),
          headerBehavior: CacheHeaderBehavior.none(),
          enableAcceptEncodingGzip: true,
          enableAcceptEncodingBrotli: true,
        }),
      },
      additionalBehaviors: {
        // The API's reads, kept as long as each answer's Cache-Control says (the route table's, a minute mostly; never a
        // signed-in person's), told apart by their query, Origin (CORS answers differ) and Authorization.
        '/v1/*': {
          ...dynamic,
          cachePolicy: new CachePolicy(this, 'ApiReads', {
            minTtl: Duration.seconds(0),
            defaultTtl: Duration.seconds(0),
            maxTtl: Duration.seconds(Math.max(publicCacheSeconds, ...routes.map((route) => ('cacheSeconds' in route ? route.cacheSeconds : 0)))),
            cookieBehavior: CacheCookieBehavior.none(),
            queryStringBehavior: CacheQueryStringBehavior.all(),
            headerBehavior: CacheHeaderBehavior.allowList('Authorization', 'Origin'),
            enableAcceptEncodingGzip: true,
            enableAcceptEncodingBrotli: true,
          }),
        },
        // Each file says how long it keeps (a minute): exports outgrow what a function may answer, so the API sends readers here.
        '/open-data/*': fromBucket(openData),
        '/_app/*': fromBucket(siteAssets),
      },
    });
    Validations.of(distribution).acknowledge(
      { id: 'AwsSolutions-CFR1', reason: 'The platform is for governments and civil society in every country: no geographic restriction.' },
      {
        id: 'AwsSolutions-CFR2',
        reason: 'Abuse is limited by API Gateway throttling and the API’s own limits; a WAF web ACL (about 6 USD a month idle) can be attached per deployment.',
      },
      { id: 'AwsSolutions-CFR3', reason: 'Every dynamic request is logged by API Gateway’s access log and the functions; static files need no log.' },
      {
        id: 'AwsSolutions-CFR4',
        reason: 'With the default cloudfront.net certificate the minimum TLS version cannot be chosen; a deployment with its own domain sets TLSv1.2_2021.',
      },
    );
    this.siteUrl = `https://${distribution.distributionDomainName}`;
  }
}
