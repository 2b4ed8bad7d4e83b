#pragma once

#include <QString>

namespace kurier::mime {

// Header values for display. The header index keeps values as they came (RFC 2047 encoded
// words included); the message list decodes them here.
namespace HeaderText {

// Decodes RFC 2047 encoded words ("=?UTF-8?Q?J=C3=BCrgen?=", B and Q encodings, any charset
// QStringDecoder knows); whitespace between adjacent encoded words is dropped (RFC 2047 §6.2).
// Control characters become spaces. Undecodable words stay as they are.
[[nodiscard]] QString decode(const QString &value);

// The display part of a From value: "Anna <a@x>" → "Anna", "a@x" → "a@x".
[[nodiscard]] QString displayName(const QString &decodedFrom);

// The display part of each address of a list: "Anna <a@x>, \"B, C\" <b@x>" → "Anna, B, C"
// (split at commas outside quotes and angle brackets, RFC 5322 §3.4).
[[nodiscard]] QString displayNames(const QString &decodedAddressList);

} // namespace HeaderText

} // namespace kurier::mime
