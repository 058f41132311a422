// Lets node import decap-cms-core's ES module build, whose relative imports omit ".js".
import { register } from "node:module";

register("data:text/javascript," + encodeURIComponent(`
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    if (specifier.startsWith(".") || specifier.startsWith("@iarna/") || specifier.startsWith("lodash/")) {
      return next(specifier + ".js", context);
    }
    throw error;
  }
}`), import.meta.url);
