// Decap CMS's own writer on smmplan's files: reads [{text, order, front_matter}] as JSON on
// stdin and prints, for each, the file as Decap saves it after loading it unchanged; an item
// with "data" instead of "text" is written as Decap writes new data.
import { frontmatterYAML } from "decap-cms-core/dist/esm/formats/frontmatter.js";
import yamlFormatter from "decap-cms-core/dist/esm/formats/yaml.js";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const out = JSON.parse(input).map(({ text, data, order, front_matter }) => {
  try {
    if (front_matter) {
      const formatter = frontmatterYAML();
      return formatter.toFile(data || formatter.fromFile(text), order);
    }
    return yamlFormatter.toFile(data || yamlFormatter.fromFile(text), order);
  } catch (error) {
    return { error: String(error) };
  }
});
process.stdout.write(JSON.stringify(out));
