// The only translation unit that includes RESTinio (it takes ~13 s to compile): it turns
// RESTinio requests into http::Request values and hands them to App::handle().
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <vector>

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

// What the operator is told when the address cannot be bound, with what to do about the usual causes.
std::string bind_failure(const std::string& host, std::uint16_t port, const std::exception& e) {
  std::string out = "không mở được địa chỉ " + host + ":" + std::to_string(port) + " để phục vụ (" + e.what() + ")";
  // Asio reports the OS's errno in a category of its own ("asio.system"), which does not compare equal to std::errc.
  const auto* se = dynamic_cast<const std::system_error*>(&e);
  const bool os = se && (se->code().category() == restinio::asio_ns::system_category() ||
                         se->code().category() == std::system_category());
  const int err = os ? se->code().value() : 0;
  if (err == EADDRINUSE)
    return out + ": cổng này đang được một chương trình khác dùng (có thể là một ct05 serve khác); hãy dừng chương "
                 "trình đó hoặc chọn cổng khác bằng --listen.";
  if (err == EADDRNOTAVAIL)
    return out + ": địa chỉ không thuộc máy này; hãy dùng 127.0.0.1 hoặc một địa chỉ của máy trong --listen.";
  if (err == EACCES)
    return out + ": cần quyền quản trị để mở cổng dưới 1024; hãy dùng cổng khác (ví dụ 8080) sau nginx.";
  return out + ".";
}
}  // namespace

void serve(App& app, const std::string& host, std::uint16_t port, std::size_t threads) {
  using traits_t = restinio::traits_t<restinio::asio_timer_manager_t, restinio::null_logger_t>;
  restinio::http_server_t<traits_t> server{
      restinio::own_io_context(),
      restinio::server_settings_t<traits_t>{}
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
          })};
  // Bind and listen here, on the calling thread, before any worker runs: a port in use throws now and the command
  // exits non-zero. restinio::run() opened the acceptor on a worker thread and, when that failed before its pool
  // had marked itself started, the pool's stop() did nothing: the process stayed up without listening, after
  // printing that it served (1 run in 5, issue 16). Asynchronous accepts queued before run() are simply waiting.
  try {
    server.open_sync();
  } catch (const std::exception& e) {
    throw std::runtime_error(bind_failure(host, port, e));
  }
  spdlog::info("ct05 phục vụ tại http://{}:{} ({} luồng)", host, port, threads);

  auto& io = server.io_context();
  restinio::asio_ns::signal_set stop_signals{io, SIGINT};
  stop_signals.async_wait([&](const restinio::asio_ns::error_code& ec, int) {
    if (ec) return;
    server.close_async([&io] { io.stop(); },
                       [&io](std::exception_ptr) { io.stop(); });  // closing failed: stop anyway
  });
  std::vector<std::thread> workers;
  for (std::size_t i = 0; i < std::max<std::size_t>(threads, 1); ++i)
    workers.emplace_back([&io] {
      auto work = restinio::asio_ns::make_work_guard(io);  // run until stopped, not until the queue is empty for a moment
      io.run();
    });
  for (auto& w : workers) w.join();
}

}  // namespace ct05::http
