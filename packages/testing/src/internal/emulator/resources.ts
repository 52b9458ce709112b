/**
 * The resource families the emulator serves. A new one is a folder exporting a
 * `Resource`, and one line here.
 *
 * @internal
 */
import { ComplianceResource } from "./compliance/resource.js"
import { MediaResource } from "./media/resource.js"
import { MessageResource } from "./message/resource.js"
import { NumberResource } from "./number/resource.js"
import { PowerpackResource } from "./powerpack/resource.js"
import { none } from "./resource.js"

/** @internal */
export const resources = none
  .add(MessageResource)
  .add(MediaResource)
  .add(NumberResource)
  .add(PowerpackResource)
  .add(ComplianceResource)
