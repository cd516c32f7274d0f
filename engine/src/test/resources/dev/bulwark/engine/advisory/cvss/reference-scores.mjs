// Scores CVSS vectors with two independent reference implementations, for CvssReferenceAgreementTest.
// Usage: node reference-scores.mjs INPUT OUTPUT, INPUT holding one vector per line; OUTPUT gets one JSON object per
// line, in input order: {"ae": scores | null | {"error"}, "pj": scores | {"error"}}. A line "RATING x" instead gets
// {"v31": rating, "v40": rating}, js-cvss's qualitative rating of score x.
//  ae = ae-cvss-calculator (metaeffekt), scores as its calculateScores() returns them;
//  pj = @pandatix/js-cvss, {"base","temporal","environmental"} for v2/v3 and {"score"} for v4.
import { createRequire, register } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';

// @pandatix/js-cvss ships ES modules with extension-less relative imports, which node's resolver refuses.
register('data:text/javascript,' + encodeURIComponent(
  "export async function resolve(s, c, n) { return n(s.startsWith('./') && !s.endsWith('.js') ? s + '.js' : s, c); }"));
const require = createRequire(import.meta.url);
const ae = require('ae-cvss-calculator');
const pj = await import('@pandatix/js-cvss');

function aeScores(vector) {
  try {
    const parsed = ae.fromVector(vector);
    return parsed ? parsed.calculateScores() : null;
  } catch (e) {
    return { error: String(e && e.message) };
  }
}

function pjScores(vector) {
  try {
    if (vector.startsWith('CVSS:4.0/')) {
      return { score: new pj.CVSS40(vector).Score() };
    }
    const cls = vector.startsWith('CVSS:3.1/') ? pj.CVSS31 : vector.startsWith('CVSS:3.0/') ? pj.CVSS30 : pj.CVSS20;
    const parsed = new cls(vector);
    return { base: parsed.BaseScore(), temporal: parsed.TemporalScore(), environmental: parsed.EnvironmentalScore() };
  } catch (e) {
    return { error: String(e && e.message) };
  }
}

const lines = readFileSync(process.argv[2], 'utf8').split('\n').filter((l) => l.length > 0);
const out = lines.map((v) => JSON.stringify(v.startsWith('RATING ')
  ? { v31: pj.CVSS31.Rating(Number(v.slice(7))), v40: pj.CVSS40.Rating(Number(v.slice(7))) }
  : { ae: aeScores(v), pj: pjScores(v) }));
writeFileSync(process.argv[3], out.join('\n') + '\n');
