// The only translation unit that includes RESTinio (it takes ~13 s to compile): it turns
// RESTinio requests into http::Request values and hands them to App::handle().
#include <restinio/all.hpp>
#include <spdlog/spdlog.h>

#include "platform/http/app.hpp"

namespace ct05::http {

namespace {
std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}
}  // namespace

void serve(App& app, const std::string& host, std::uint16_t port, std::size_t threads) {
  using traits_t = restinio::traits_t<restinio::asio_timer_manager_t, restinio::null_logger_t>;
  spdlog::info("ct05 phục vụ tại http://{}:{} ({} luồng)", host, port, threads);
  restinio::run(
      restinio::on_thread_pool<traits_t>(threads)
          .address(host)
          .port(port)
          .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}.max_body_size(20u * 1024u * 1024u))
          .request_handler([&app](restinio::request_handle_t req) {
            Request r;
            r.method = req->header().method().c_str();
            r.path = url_decode(req->header().path(), false);
            r.query_string = std::string(req->header().query());
            r.body = req->body();
            for (const auto& f : req->header()) r.headers[lower(f.name())] = f.value();
            r.remote_ip = req->remote_endpoint().address().to_string();
            std::string method = r.method;
            Response resp = app.handle(std::move(r));
            auto rb = req->create_response(restinio::http_status_line_t{
                restinio::http_status_code_t{static_cast<std::uint16_t>(resp.status)}, std::string(reason_phrase(resp.status))});
            for (auto& [k, v] : resp.headers) rb.append_header(k, v);
            if (method == "HEAD") rb.set_body(std::string());
            else rb.set_body(std::move(resp.body));
            return rb.done();
          }));
}

}  // namespace ct05::http
