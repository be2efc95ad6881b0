// The function of the HTTP API's catch-all /v1 route, in AWS and locally alike: every request no route of the table
// takes. A CORS preflight or an OPTIONS for a path that exists gets what that path's routes would answer; another
// method gets 405 with Allow; a path that does not exist, 404; all as problems, with the CORS headers of the site.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { MethodNotAllowed, NotFound } from '@collective-actions/shared';
import { routeKey, routesMatching, type Route } from '@collective-actions/shared/routes';
import { httpSemantics, methodsOf } from '../http/http-semantics.ts';
import { logger } from '../http/logger.ts';
import { problemResponses } from '../http/problem-responses.ts';
import { corsFor, type Reply } from '../http/route-handler.ts';

function stackOf(route: Route | undefined) {
  const cors = corsFor(route ? methodsOf(route.path) : []);
  const stack = middy<APIGatewayProxyEventV2, Reply>().use(injectLambdaContext(logger, { resetKeys: true }));
  // A path of the table answers preflights, OPTIONS and HEAD as its routes do (httpSemantics); another path has none.
  if (route) stack.use(httpSemantics(route, cors));
  return stack
    .use(httpHeaderNormalizer())
    .use(cors)
    .use(problemResponses())
    .handler(async (event) => {
      const { method } = event.requestContext.http;
      throw route ? new MethodNotAllowed(method, methodsOf(route.path)) : new NotFound(`No API route matches ${event.rawPath}.`);
    });
}

const stacks = new Map<string, ReturnType<typeof stackOf>>();

export const handler = (event: APIGatewayProxyEventV2, context: Context) => {
  const route = routesMatching(event.rawPath)[0]?.route;
  const key = route ? routeKey(route) : '';
  if (!stacks.has(key)) stacks.set(key, stackOf(route));
  return stacks.get(key)!(event, context);
};
