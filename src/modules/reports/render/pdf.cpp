// The PDF of a report: Pango lays out every paragraph (HarfBuzz shapes the stacked Vietnamese marks), Cairo writes
// the pages with the fonts embedded and their text extractable. Paragraphs break across pages line by line; a
// table's header row repeats on each page it spans.
#include <algorithm>
#include <memory>
#include <stdexcept>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "modules/reports/render/render.hpp"

namespace ct05::reports {

namespace {

constexpr double kMm = 72.0 / 25.4;
constexpr double kPageW = 210 * kMm, kPageH = 297 * kMm;
constexpr double kTop = 20 * kMm, kBottom = 20 * kMm, kLeft = 30 * kMm, kRight = 15 * kMm;
constexpr double kWidth = kPageW - kLeft - kRight;
constexpr double kBody = 12.5;  // Noto Serif runs wider than Times: 12.5 pt reads as Times' 14
constexpr const char* kFamily = "Noto Serif";

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct Font {
  double size = kBody;
  bool bold = false, italic = false;
};

enum class Align { kLeft, kCenter, kRight, kJustify };

class Writer {
 public:
  explicit Writer(std::string* out) {
    surface_ = cairo_pdf_surface_create_for_stream(append, out, kPageW, kPageH);
    cr_ = cairo_create(surface_);
    y_ = kTop;
  }
  ~Writer() {
    if (cr_) cairo_destroy(cr_);
    if (surface_) cairo_surface_destroy(surface_);
  }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  void metadata(const std::string& title, const std::string& author, const std::string& subject) {
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_AUTHOR, author.c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_SUBJECT, subject.c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "ct05");
  }

  using Layout = std::unique_ptr<PangoLayout, decltype(&g_object_unref)>;

  Layout layout(const std::string& text, Font f, double width, Align align, double indent = 0) {
    Layout l(pango_cairo_create_layout(cr_), g_object_unref);
    PangoFontDescription* desc = pango_font_description_new();
    pango_font_description_set_family(desc, kFamily);
    pango_font_description_set_size(desc, static_cast<int>(f.size * PANGO_SCALE));
    pango_font_description_set_weight(desc, f.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(desc, f.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(l.get(), desc);
    pango_font_description_free(desc);
    pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(l.get(), align == Align::kCenter  ? PANGO_ALIGN_CENTER
                                        : align == Align::kRight ? PANGO_ALIGN_RIGHT
                                                                 : PANGO_ALIGN_LEFT);
    pango_layout_set_justify(l.get(), align == Align::kJustify);
    pango_layout_set_indent(l.get(), static_cast<int>(indent * PANGO_SCALE));
    pango_layout_set_spacing(l.get(), static_cast<int>(f.size * 0.2 * PANGO_SCALE));
    pango_layout_set_text(l.get(), text.c_str(), -1);
    return l;
  }

  static double height(PangoLayout* l) {
    int w = 0, h = 0;
    pango_layout_get_size(l, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }
  static double text_width(PangoLayout* l) {
    PangoRectangle ink, logical;
    pango_layout_get_extents(l, &ink, &logical);
    return static_cast<double>(logical.width) / PANGO_SCALE;
  }

  void draw(PangoLayout* l, double x, double y) {
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, l);
  }

  //! A paragraph that may break across pages between its lines.
  void flow(const std::string& text, Font f, Align align, double indent, double after) {
    auto l = layout(text, f, kWidth, align, indent);
    PangoLayoutIter* it = pango_layout_get_iter(l.get());
    double origin = 0;  // the layout's y that sits at y_ on this page
    double last_bottom = 0;
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it, nullptr, &logical);
      double top = static_cast<double>(logical.y) / PANGO_SCALE;
      double h = static_cast<double>(logical.height) / PANGO_SCALE;
      double baseline = static_cast<double>(pango_layout_iter_get_baseline(it)) / PANGO_SCALE;
      if (y_ + (top - origin) + h > kPageH - kBottom) {
        y_ += last_bottom - origin;
        new_page();
        origin = top;
      }
      PangoLayoutLine* line = pango_layout_iter_get_line_readonly(it);
      cairo_move_to(cr_, kLeft + static_cast<double>(logical.x) / PANGO_SCALE, y_ + (baseline - origin));
      pango_cairo_show_layout_line(cr_, line);
      last_bottom = top + h;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    y_ += (last_bottom - origin) + after;
  }

  void ensure(double needed) {
    if (y_ + needed > kPageH - kBottom) new_page();
  }

  void new_page() {
    cairo_show_page(cr_);
    ++page_;
    y_ = kTop;
    auto l = layout(std::to_string(page_), {11}, kWidth, Align::kCenter);
    draw(l.get(), kLeft, 10 * kMm);
  }

  void rule(double x0, double x1, double y) {
    cairo_set_line_width(cr_, 0.6);
    cairo_move_to(cr_, x0, y);
    cairo_line_to(cr_, x1, y);
    cairo_stroke(cr_);
  }

  void table(const Table& t) {
    constexpr double pad = 3;
    double total = 0;
    for (std::size_t i = 0; i < t.header.size(); ++i) total += i < t.widths.size() ? t.widths[i] : 1;
    std::vector<double> w;
    for (std::size_t i = 0; i < t.header.size(); ++i) w.push_back(kWidth * (i < t.widths.size() ? t.widths[i] : 1) / total);
    auto row = [&](const std::vector<std::string>& cells, bool head) {
      std::vector<Layout> ls;
      double h = 0;
      for (std::size_t i = 0; i < t.header.size(); ++i) {
        bool num = !head && i < t.numeric.size() && t.numeric[i];
        ls.push_back(layout(i < cells.size() ? cells[i] : "", {11, head}, w[i] - 2 * pad,
                            head || num ? Align::kCenter : Align::kLeft));
        h = std::max(h, height(ls.back().get()));
      }
      return std::make_pair(std::move(ls), h + 2 * pad);
    };
    auto draw_row = [&](std::vector<Layout>& ls, double h) {
      double x = kLeft;
      cairo_set_line_width(cr_, 0.5);
      for (std::size_t i = 0; i < ls.size(); ++i) {
        cairo_rectangle(cr_, x, y_, w[i], h);
        cairo_stroke(cr_);
        double ch = height(ls[i].get());
        draw(ls[i].get(), x + pad, y_ + (h - ch) / 2);
        x += w[i];
      }
      y_ += h;
    };
    auto [head, head_h] = row(t.header, true);
    ensure(head_h + 20);
    draw_row(head, head_h);
    for (const auto& r : t.rows) {
      auto [ls, h] = row(r, false);
      if (y_ + h > kPageH - kBottom) {
        new_page();
        auto [again, again_h] = row(t.header, true);
        draw_row(again, again_h);
      }
      draw_row(ls, h);
    }
    y_ += 8;
  }

  double y() const { return y_; }
  void set_y(double y) { y_ = y; }
  void finish() { cairo_surface_finish(surface_); }

 private:
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  double y_ = 0;
  int page_ = 1;
};

}  // namespace

std::string render_pdf(const Document& d) {
  std::string out;
  {
    Writer w(&out);
    w.metadata(d.title + " " + d.subject, d.issuer, "ct05: " + d.meta);
    // The heading: two columns.
    double left = kWidth * 0.45, right = kWidth - left;
    double ly = w.y(), ry = w.y();
    // Each heading line keeps to one line when it can: the size steps down from the guidance's to 10 pt.
    auto fitted = [&](const std::string& text, Font f, double width, Align align) {
      auto l = w.layout(text, f, width, align);
      while (pango_layout_get_line_count(l.get()) > 1 && f.size > 10) {
        f.size -= 0.5;
        l = w.layout(text, f, width, align);
      }
      return l;
    };
    auto put = [&](double x, double width, double& y, const std::string& text, Font f) {
      auto l = fitted(text, f, width, Align::kCenter);
      w.draw(l.get(), x, y);
      double h = Writer::height(l.get());
      y += h;
      return std::make_pair(Writer::text_width(l.get()), h);
    };
    if (!d.superior.empty()) put(kLeft, left, ly, d.superior, {12.5});
    put(kLeft, left, ly, d.issuer, {12.5, true});
    put(kLeft, left, ly, "*", {12.5});
    put(kLeft, left, ly, d.number, {12.5});
    auto [party_w, party_h] = put(kLeft + left, right, ry, "ĐẢNG CỘNG SẢN VIỆT NAM", {13.5, true});
    double cx = kLeft + left + right / 2;
    w.rule(cx - party_w / 2, cx + party_w / 2, ry + 1);
    ry += party_h * (d.superior.empty() ? 0.6 : 1.2);
    {
      auto l = fitted(d.place_date, {12.5, false, true}, right, Align::kRight);
      w.draw(l.get(), kLeft + left, ry);
      ry += Writer::height(l.get());
    }
    w.set_y(std::max(ly, ry) + 18);
    w.flow(d.title, {15, true}, Align::kCenter, 0, 0);
    w.flow(d.subject, {kBody, true}, Align::kCenter, 0, 2);
    w.flow("-----", {kBody}, Align::kCenter, 0, 10);

    for (const auto& b : d.blocks) {
      switch (b.type) {
        case Block::Type::kHeading:
          w.ensure(60);
          w.flow(b.text, {kBody, true}, Align::kJustify, 1 * 10 * kMm, 6);
          break;
        case Block::Type::kSubheading:
          w.ensure(50);
          w.flow(b.text, {kBody, true, true}, Align::kJustify, 1 * 10 * kMm, 6);
          break;
        case Block::Type::kDash:
        case Block::Type::kParagraph: w.flow(b.text, {kBody}, Align::kJustify, 10 * kMm, 6); break;
        case Block::Type::kTable: w.table(b.table); break;
      }
    }

    // Nơi nhận and the signature, kept together.
    std::vector<Writer::Layout> recv;
    recv.push_back(w.layout("Nơi nhận:", {11, true, true}, left, Align::kLeft));
    for (const auto& r : d.recipients) recv.push_back(w.layout(r, {10.5}, left, Align::kLeft));
    double recv_h = 0;
    for (auto& l : recv) recv_h += Writer::height(l.get());
    double sign_h = 4 * 20 + 60;
    w.ensure(std::max(recv_h, sign_h) + 12);
    double y0 = w.y() + 12;
    double y = y0;
    for (auto& l : recv) {
      w.draw(l.get(), kLeft, y);
      y += Writer::height(l.get());
    }
    double sy = y0;
    for (const auto& text : {d.on_behalf, d.position}) {
      auto l = w.layout(text, {kBody, true}, right, Align::kCenter);
      w.draw(l.get(), kLeft + left, sy);
      sy += Writer::height(l.get());
    }
    sy += 60;
    if (!d.signer.empty()) {
      auto l = w.layout(d.signer, {kBody, true}, right, Align::kCenter);
      w.draw(l.get(), kLeft + left, sy);
    }
    w.finish();
  }
  return out;
}

}  // namespace ct05::reports
