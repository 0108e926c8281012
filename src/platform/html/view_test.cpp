// Every template escapes by default: a template without the AUTOESCAPE pragma fails this test
// (and is refused at start-up), and values are escaped in text and attributes.
#include "platform/html/view.hpp"

#include <gtest/gtest.h>

#include "app/wiring.hpp"

namespace ct05::html {
namespace {

TEST(Templates, EveryEmbeddedTemplateStartsWithTheAutoescapePragma) {
  int checked = 0;
  for (const auto& m : app::modules()) {
    ASSERT_NE(m.files, nullptr);
    for (const auto& f : *m.files) {
      if (f.path.substr(f.path.size() - 4) != ".tpl") continue;
      EXPECT_TRUE(has_autoescape(f.data)) << m.name << "/" << f.path << " lacks " << kAutoescapePragma;
      ++checked;
    }
  }
  EXPECT_GE(checked, 11);  // the platform's, org's and people's templates
}

TEST(Templates, RegistrationRefusesATemplateWithoutThePragma) {
  EXPECT_THROW(register_template("test/bad.tpl", "<p>{{NAME}}</p>"), std::runtime_error);
}

TEST(Templates, ValuesAreEscapedInTextAndAttributes) {
  register_template("test/escape.tpl", "{{%AUTOESCAPE context=\"HTML\"}}\n<a title=\"{{T}}\" href=\"/x?q={{Q}}\">{{T}}</a>");
  Dict d("t");
  d.SetValue("T", "<script>alert(\"Đảng\")</script>");
  d.SetValue("Q", "a\" onmouseover=\"x");
  std::string out = render("test/escape.tpl", d);
  EXPECT_EQ(out.find("<script>"), std::string::npos) << out;
  EXPECT_NE(out.find("&lt;script&gt;"), std::string::npos) << out;
  EXPECT_EQ(out.find("\" onmouseover"), std::string::npos) << out;
  EXPECT_NE(out.find("Đảng"), std::string::npos) << out;
}

TEST(Numbers, ThousandsUseDots) {
  EXPECT_EQ(number_vn(0), "0");
  EXPECT_EQ(number_vn(999), "999");
  EXPECT_EQ(number_vn(5600000), "5.600.000");
  EXPECT_EQ(number_vn(-63619), "-63.619");
}

}  // namespace
}  // namespace ct05::html
