/**
 * @plivo-effect/compliance: 10DLC business profiles, brands, campaigns and number links,
 * and toll-free verification, with registrations you can await.
 *
 * One line per public module, no renames, as in the other packages' barrels.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * from "./Acknowledgement.js"

/** @since 0.1.0 */
export * from "./Brand.js"

/** @since 0.1.0 */
export * from "./BrandParams.js"

/** @since 0.1.0 */
export * from "./Brands.js"

/** @since 0.1.0 */
export * from "./Campaign.js"

/** @since 0.1.0 */
export * from "./CampaignParams.js"

/** @since 0.1.0 */
export * from "./Campaigns.js"

/** @since 0.1.0 */
export * as Compliance from "./Compliance.js"

/** @since 0.1.0 */
export * from "./ComplianceCallback.js"

/** @since 0.1.0 */
export * from "./ComplianceWebhooks.js"

/** @since 0.1.0 */
export * from "./Profile.js"

/** @since 0.1.0 */
export * from "./ProfileParams.js"

/** @since 0.1.0 */
export * from "./Profiles.js"

/** @since 0.1.0 */
export * from "./Registration.js"

/** @since 0.1.0 */
export * from "./TollfreeVerification.js"

/** @since 0.1.0 */
export * from "./TollfreeVerificationParams.js"

/** @since 0.1.0 */
export * from "./TollfreeVerifications.js"
