#pragma once
// Internal to core/mime: include this FIRST in a .cpp file, before any Qt header — Qt defines
// "signals" as a macro and GLib's headers use it as a name. No public header includes GMime.
#include <gmime/gmime.h>

#include <mutex>
#include <utility>

namespace kurier::mime {

// GMime's global state, set up once per process (g_mime_init is not reentrant).
inline void ensureGMime()
{
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

// Owns one GObject reference.
template<typename T>
class GObjectRef
{
public:
    explicit GObjectRef(T *object = nullptr)
        : m_object(object)
    {
    }
    ~GObjectRef()
    {
        if (m_object)
            g_object_unref(m_object);
    }
    GObjectRef(const GObjectRef &) = delete;
    GObjectRef &operator=(const GObjectRef &) = delete;
    GObjectRef(GObjectRef &&other) noexcept
        : m_object(std::exchange(other.m_object, nullptr))
    {
    }
    [[nodiscard]] T *get() const { return m_object; }
    [[nodiscard]] explicit operator bool() const { return m_object != nullptr; }

private:
    T *m_object;
};

} // namespace kurier::mime
