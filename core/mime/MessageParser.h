#pragma once

#include "mime/ParsedMessage.h"

#include <QByteArray>

namespace kurier::mime {

// Parses an RFC 5322 message with GMime for display (the message view uses it).
class MessageParser
{
public:
    [[nodiscard]] static ParsedMessage parse(const QByteArray &bytes);
};

} // namespace kurier::mime
