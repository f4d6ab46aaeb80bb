/**
 * The IAM practices (1–8 of the article: FSBP IAM.1 to IAM.8) and the extension snapshot types
 * that carry the IAM facts AWS Config does not record (credentials, MFA devices, the account
 * summary, the password policy). See {@code schemas/README.md}.
 */
package io.compliancestreams.streams.practices.iam;
