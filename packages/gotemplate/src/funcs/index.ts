/**
 * Sprig v3.3.0's `TxtFuncMap()` as Helm exposes it (without `env` and `expandenv`). Sprig's JSON
 * functions are implemented with the encoders in ../encoding; Helm's own functions (toYaml,
 * toJson, include, ...) are added by the engine and replace Sprig's of the same name.
 */
import { sprigJsonFuncs } from '../encoding/sprig-json.ts'
import type { FuncMap } from '../func.ts'
import { caseFuncs } from './case.ts'
import { convertFuncs } from './convert.ts'
import { cryptoFuncs } from './crypto.ts'
import { dateFuncs } from './dates.ts'
import { defaultFuncs } from './defaults.ts'
import { dictFuncs } from './dicts.ts'
import { encodingFuncs } from './encoding.ts'
import { hashFuncs } from './hashes.ts'
import { listFuncs } from './lists.ts'
import { mathFuncs } from './math.ts'
import { miscFuncs } from './misc.ts'
import { pathFuncs } from './paths.ts'
import { randomFuncs } from './random.ts'
import { reflectFuncs } from './reflect.ts'
import { regexFuncs } from './regex.ts'
import { semverFuncs } from './semver.ts'
import { stringFuncs } from './strings.ts'
import { urlFuncs } from './urls.ts'

/** Every Sprig function by name. */
export const sprigFuncs: FuncMap = {
  ...stringFuncs,
  ...caseFuncs,
  ...convertFuncs,
  ...defaultFuncs,
  ...listFuncs,
  ...dictFuncs,
  ...reflectFuncs,
  ...mathFuncs,
  ...regexFuncs,
  ...encodingFuncs,
  ...hashFuncs,
  ...pathFuncs,
  ...randomFuncs,
  ...miscFuncs,
  ...semverFuncs,
  ...cryptoFuncs,
  ...dateFuncs,
  ...urlFuncs,
  ...sprigJsonFuncs,
}
