"""Pure domain model and rules of kscdesk. No Qt, no SQL, no file formats.

Glossary (Vietnamese term = English name used everywhere in code, schema and tests):

- kế hoạch = plan; kế hoạch cấp trên = parent plan; kế hoạch của xã = commune plan
- cơ quan, đơn vị ban hành = issuer; cấp = level (province, district, commune)
- mục / phần = section (code I, II, A, Đ …)
- nhiệm vụ / dòng công việc = task; tiểu mục a), b) = sub (sub-item)
- nội dung công việc = content; kết quả công việc / sản phẩm = output (expected output)
- cơ quan chủ trì = lead (lead unit); cơ quan phối hợp = coordinating (coordinating units)
- thời gian thực hiện / thời hạn = timeframe; mốc = checkpoint
- kỳ báo cáo = period (quarter, six months, nine months, year)
- tiến độ = progress; minh chứng = evidence; tệp đính kèm = attachment
- chỉ tiêu = indicator; chỉ tiêu giao = target; số liệu = indicator value (numerator/denominator)
- quyết định = decision; số, ký hiệu = number/symbol
"""
