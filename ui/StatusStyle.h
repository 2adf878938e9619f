#pragma once

#include "trace/Step.h"

#include <QColor>
#include <QIcon>
#include <QString>

namespace ms::ui {

// The one place where a Status becomes something visible: a colour, an icon and a word.
// Colour is never the only carrier: every badge and tree row also shows the text and an
// icon whose shape differs per status (tick, cross, triangle, circle, "i").
struct StatusStyle {
    static QString text(Status s); // translated: "pass", "fail", ...
    static QString explanation(Status s); // translated: one sentence for tooltips
    static QColor color(Status s, bool dark = false); // foreground/badge colour
    static QColor background(Status s, bool dark = false); // soft fill for badges
    // Drawn at whatever size and device pixel ratio is asked for (scalable, sharp on HiDPI).
    static QIcon icon(Status s);
    static bool isDark(); // the application palette is a dark one

    // Side-by-side diff fills: '-' only in the first copy, '+' only in the second.
    static QColor diffBackground(char op, bool dark);
    static QColor lineNumberColor(bool dark);

    // WCAG 2.1 relative luminance and contrast ratio (1..21); text needs >= 4.5 (AA).
    static double luminance(const QColor& c);
    static double contrastRatio(const QColor& a, const QColor& b);
};

} // namespace ms::ui
