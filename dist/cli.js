#!/usr/bin/env node
import { createRequire as __pgRequire } from 'node:module'; const require = __pgRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/protobufjs/src/util/aspromise.js
var require_aspromise = __commonJS({
  "node_modules/protobufjs/src/util/aspromise.js"(exports, module) {
    "use strict";
    module.exports = asPromise;
    function asPromise(fn, ctx) {
      var params = new Array(arguments.length - 1), offset = 0, index = 2, pending = true;
      while (index < arguments.length)
        params[offset++] = arguments[index++];
      return new Promise(function executor(resolve, reject) {
        params[offset] = function callback(err) {
          if (pending) {
            pending = false;
            if (err)
              reject(err);
            else {
              var params2 = new Array(arguments.length - 1), offset2 = 0;
              while (offset2 < params2.length)
                params2[offset2++] = arguments[offset2];
              resolve.apply(null, params2);
            }
          }
        };
        try {
          fn.apply(ctx || null, params);
        } catch (err) {
          if (pending) {
            pending = false;
            reject(err);
          }
        }
      });
    }
  }
});

// node_modules/protobufjs/src/util/base64.js
var require_base64 = __commonJS({
  "node_modules/protobufjs/src/util/base64.js"(exports) {
    "use strict";
    var base64 = exports;
    base64.length = function length(string) {
      var p = string.length;
      if (!p)
        return 0;
      while (p > 0 && string.charAt(p - 1) === "=")
        --p;
      return Math.floor(p * 3 / 4);
    };
    var b64 = new Array(64);
    var s64 = new Array(123);
    for (i = 0; i < 64; )
      s64[b64[i] = i < 26 ? i + 65 : i < 52 ? i + 71 : i < 62 ? i - 4 : i - 59 | 43] = i++;
    var i;
    s64[45] = 62;
    s64[95] = 63;
    base64.encode = function encode(buffer, start, end) {
      var parts = null, chunk = [];
      var i2 = 0, j = 0, t;
      while (start < end) {
        var b = buffer[start++];
        switch (j) {
          case 0:
            chunk[i2++] = b64[b >> 2];
            t = (b & 3) << 4;
            j = 1;
            break;
          case 1:
            chunk[i2++] = b64[t | b >> 4];
            t = (b & 15) << 2;
            j = 2;
            break;
          case 2:
            chunk[i2++] = b64[t | b >> 6];
            chunk[i2++] = b64[b & 63];
            j = 0;
            break;
        }
        if (i2 > 8191) {
          (parts || (parts = [])).push(String.fromCharCode.apply(String, chunk));
          i2 = 0;
        }
      }
      if (j) {
        chunk[i2++] = b64[t];
        chunk[i2++] = 61;
        if (j === 1)
          chunk[i2++] = 61;
      }
      if (parts) {
        if (i2)
          parts.push(String.fromCharCode.apply(String, chunk.slice(0, i2)));
        return parts.join("");
      }
      return String.fromCharCode.apply(String, chunk.slice(0, i2));
    };
    var invalidEncoding = "invalid encoding";
    base64.decode = function decode(string, buffer, offset) {
      var start = offset;
      var j = 0, t;
      for (var i2 = 0; i2 < string.length; ) {
        var c = string.charCodeAt(i2++);
        if (c === 61 && j > 1)
          break;
        if ((c = s64[c]) === void 0)
          throw Error(invalidEncoding);
        switch (j) {
          case 0:
            t = c;
            j = 1;
            break;
          case 1:
            buffer[offset++] = t << 2 | (c & 48) >> 4;
            t = c;
            j = 2;
            break;
          case 2:
            buffer[offset++] = (t & 15) << 4 | (c & 60) >> 2;
            t = c;
            j = 3;
            break;
          case 3:
            buffer[offset++] = (t & 3) << 6 | c;
            j = 0;
            break;
        }
      }
      if (j === 1)
        throw Error(invalidEncoding);
      return offset - start;
    };
    var base64Re = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
    var base64UrlRe = /[-_]/;
    var base64UrlNoPaddingRe = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2}(?:==)?|[A-Za-z0-9_-]{3}=?)?$/;
    base64.test = function test(string) {
      return base64Re.test(string) || base64UrlRe.test(string) && base64UrlNoPaddingRe.test(string);
    };
  }
});

// node_modules/protobufjs/src/util/eventemitter.js
var require_eventemitter = __commonJS({
  "node_modules/protobufjs/src/util/eventemitter.js"(exports, module) {
    "use strict";
    module.exports = EventEmitter;
    function EventEmitter() {
      this._listeners = /* @__PURE__ */ Object.create(null);
    }
    EventEmitter.prototype.on = function on(evt, fn, ctx) {
      (this._listeners[evt] || (this._listeners[evt] = [])).push({
        fn,
        ctx: ctx || this
      });
      return this;
    };
    EventEmitter.prototype.off = function off(evt, fn) {
      if (evt === void 0)
        this._listeners = /* @__PURE__ */ Object.create(null);
      else {
        if (fn === void 0)
          this._listeners[evt] = [];
        else {
          var listeners = this._listeners[evt];
          if (!listeners)
            return this;
          for (var i = 0; i < listeners.length; )
            if (listeners[i].fn === fn)
              listeners.splice(i, 1);
            else
              ++i;
        }
      }
      return this;
    };
    EventEmitter.prototype.emit = function emit(evt) {
      var listeners = this._listeners[evt];
      if (listeners) {
        var args = [], i = 1;
        for (; i < arguments.length; )
          args.push(arguments[i++]);
        for (i = 0; i < listeners.length; )
          listeners[i].fn.apply(listeners[i++].ctx, args);
      }
      return this;
    };
  }
});

// node_modules/protobufjs/src/util/float.js
var require_float = __commonJS({
  "node_modules/protobufjs/src/util/float.js"(exports, module) {
    "use strict";
    module.exports = factory(factory);
    function factory(exports2) {
      if (typeof Float32Array !== "undefined") (function() {
        var f32 = new Float32Array([-0]), f8b = new Uint8Array(f32.buffer), le = f8b[3] === 128;
        function writeFloat_f32_cpy(val, buf, pos) {
          f32[0] = val;
          buf[pos] = f8b[0];
          buf[pos + 1] = f8b[1];
          buf[pos + 2] = f8b[2];
          buf[pos + 3] = f8b[3];
        }
        function writeFloat_f32_rev(val, buf, pos) {
          f32[0] = val;
          buf[pos] = f8b[3];
          buf[pos + 1] = f8b[2];
          buf[pos + 2] = f8b[1];
          buf[pos + 3] = f8b[0];
        }
        exports2.writeFloatLE = le ? writeFloat_f32_cpy : writeFloat_f32_rev;
        exports2.writeFloatBE = le ? writeFloat_f32_rev : writeFloat_f32_cpy;
        function readFloat_f32_cpy(buf, pos) {
          f8b[0] = buf[pos];
          f8b[1] = buf[pos + 1];
          f8b[2] = buf[pos + 2];
          f8b[3] = buf[pos + 3];
          return f32[0];
        }
        function readFloat_f32_rev(buf, pos) {
          f8b[3] = buf[pos];
          f8b[2] = buf[pos + 1];
          f8b[1] = buf[pos + 2];
          f8b[0] = buf[pos + 3];
          return f32[0];
        }
        exports2.readFloatLE = le ? readFloat_f32_cpy : readFloat_f32_rev;
        exports2.readFloatBE = le ? readFloat_f32_rev : readFloat_f32_cpy;
      })();
      else (function() {
        function writeFloat_ieee754(writeUint, val, buf, pos) {
          var sign = val < 0 ? 1 : 0;
          if (sign)
            val = -val;
          if (val === 0)
            writeUint(1 / val > 0 ? (
              /* positive */
              0
            ) : (
              /* negative 0 */
              2147483648
            ), buf, pos);
          else if (isNaN(val))
            writeUint(2143289344, buf, pos);
          else if (val > 34028234663852886e22)
            writeUint((sign << 31 | 2139095040) >>> 0, buf, pos);
          else if (val < 11754943508222875e-54)
            writeUint((sign << 31 | Math.round(val / 1401298464324817e-60)) >>> 0, buf, pos);
          else {
            var exponent = Math.floor(Math.log(val) / Math.LN2), mantissa = Math.round(val * Math.pow(2, -exponent) * 8388608) & 8388607;
            writeUint((sign << 31 | exponent + 127 << 23 | mantissa) >>> 0, buf, pos);
          }
        }
        exports2.writeFloatLE = writeFloat_ieee754.bind(null, writeUintLE);
        exports2.writeFloatBE = writeFloat_ieee754.bind(null, writeUintBE);
        function readFloat_ieee754(readUint, buf, pos) {
          var uint = readUint(buf, pos), sign = (uint >> 31) * 2 + 1, exponent = uint >>> 23 & 255, mantissa = uint & 8388607;
          return exponent === 255 ? mantissa ? NaN : sign * Infinity : exponent === 0 ? sign * 1401298464324817e-60 * mantissa : sign * Math.pow(2, exponent - 150) * (mantissa + 8388608);
        }
        exports2.readFloatLE = readFloat_ieee754.bind(null, readUintLE);
        exports2.readFloatBE = readFloat_ieee754.bind(null, readUintBE);
      })();
      if (typeof Float64Array !== "undefined") (function() {
        var f64 = new Float64Array([-0]), f8b = new Uint8Array(f64.buffer), le = f8b[7] === 128;
        function writeDouble_f64_cpy(val, buf, pos) {
          f64[0] = val;
          buf[pos] = f8b[0];
          buf[pos + 1] = f8b[1];
          buf[pos + 2] = f8b[2];
          buf[pos + 3] = f8b[3];
          buf[pos + 4] = f8b[4];
          buf[pos + 5] = f8b[5];
          buf[pos + 6] = f8b[6];
          buf[pos + 7] = f8b[7];
        }
        function writeDouble_f64_rev(val, buf, pos) {
          f64[0] = val;
          buf[pos] = f8b[7];
          buf[pos + 1] = f8b[6];
          buf[pos + 2] = f8b[5];
          buf[pos + 3] = f8b[4];
          buf[pos + 4] = f8b[3];
          buf[pos + 5] = f8b[2];
          buf[pos + 6] = f8b[1];
          buf[pos + 7] = f8b[0];
        }
        exports2.writeDoubleLE = le ? writeDouble_f64_cpy : writeDouble_f64_rev;
        exports2.writeDoubleBE = le ? writeDouble_f64_rev : writeDouble_f64_cpy;
        function readDouble_f64_cpy(buf, pos) {
          f8b[0] = buf[pos];
          f8b[1] = buf[pos + 1];
          f8b[2] = buf[pos + 2];
          f8b[3] = buf[pos + 3];
          f8b[4] = buf[pos + 4];
          f8b[5] = buf[pos + 5];
          f8b[6] = buf[pos + 6];
          f8b[7] = buf[pos + 7];
          return f64[0];
        }
        function readDouble_f64_rev(buf, pos) {
          f8b[7] = buf[pos];
          f8b[6] = buf[pos + 1];
          f8b[5] = buf[pos + 2];
          f8b[4] = buf[pos + 3];
          f8b[3] = buf[pos + 4];
          f8b[2] = buf[pos + 5];
          f8b[1] = buf[pos + 6];
          f8b[0] = buf[pos + 7];
          return f64[0];
        }
        exports2.readDoubleLE = le ? readDouble_f64_cpy : readDouble_f64_rev;
        exports2.readDoubleBE = le ? readDouble_f64_rev : readDouble_f64_cpy;
      })();
      else (function() {
        function writeDouble_ieee754(writeUint, off0, off1, val, buf, pos) {
          var sign = val < 0 ? 1 : 0;
          if (sign)
            val = -val;
          if (val === 0) {
            writeUint(0, buf, pos + off0);
            writeUint(1 / val > 0 ? (
              /* positive */
              0
            ) : (
              /* negative 0 */
              2147483648
            ), buf, pos + off1);
          } else if (isNaN(val)) {
            writeUint(0, buf, pos + off0);
            writeUint(2146959360, buf, pos + off1);
          } else if (val > 17976931348623157e292) {
            writeUint(0, buf, pos + off0);
            writeUint((sign << 31 | 2146435072) >>> 0, buf, pos + off1);
          } else {
            var mantissa;
            if (val < 22250738585072014e-324) {
              mantissa = val / 5e-324;
              writeUint(mantissa >>> 0, buf, pos + off0);
              writeUint((sign << 31 | mantissa / 4294967296) >>> 0, buf, pos + off1);
            } else {
              var exponent = Math.floor(Math.log(val) / Math.LN2);
              if (exponent === 1024)
                exponent = 1023;
              mantissa = val * Math.pow(2, -exponent);
              writeUint(mantissa * 4503599627370496 >>> 0, buf, pos + off0);
              writeUint((sign << 31 | exponent + 1023 << 20 | mantissa * 1048576 & 1048575) >>> 0, buf, pos + off1);
            }
          }
        }
        exports2.writeDoubleLE = writeDouble_ieee754.bind(null, writeUintLE, 0, 4);
        exports2.writeDoubleBE = writeDouble_ieee754.bind(null, writeUintBE, 4, 0);
        function readDouble_ieee754(readUint, off0, off1, buf, pos) {
          var lo = readUint(buf, pos + off0), hi = readUint(buf, pos + off1);
          var sign = (hi >> 31) * 2 + 1, exponent = hi >>> 20 & 2047, mantissa = 4294967296 * (hi & 1048575) + lo;
          return exponent === 2047 ? mantissa ? NaN : sign * Infinity : exponent === 0 ? sign * 5e-324 * mantissa : sign * Math.pow(2, exponent - 1075) * (mantissa + 4503599627370496);
        }
        exports2.readDoubleLE = readDouble_ieee754.bind(null, readUintLE, 0, 4);
        exports2.readDoubleBE = readDouble_ieee754.bind(null, readUintBE, 4, 0);
      })();
      return exports2;
    }
    function writeUintLE(val, buf, pos) {
      buf[pos] = val & 255;
      buf[pos + 1] = val >>> 8 & 255;
      buf[pos + 2] = val >>> 16 & 255;
      buf[pos + 3] = val >>> 24;
    }
    function writeUintBE(val, buf, pos) {
      buf[pos] = val >>> 24;
      buf[pos + 1] = val >>> 16 & 255;
      buf[pos + 2] = val >>> 8 & 255;
      buf[pos + 3] = val & 255;
    }
    function readUintLE(buf, pos) {
      return (buf[pos] | buf[pos + 1] << 8 | buf[pos + 2] << 16 | buf[pos + 3] << 24) >>> 0;
    }
    function readUintBE(buf, pos) {
      return (buf[pos] << 24 | buf[pos + 1] << 16 | buf[pos + 2] << 8 | buf[pos + 3]) >>> 0;
    }
  }
});

// node_modules/protobufjs/src/util/utf8.js
var require_utf8 = __commonJS({
  "node_modules/protobufjs/src/util/utf8.js"(exports) {
    "use strict";
    var utf82 = exports;
    var looseDecoder = new TextDecoder("utf-8", { ignoreBOM: true });
    var strictDecoder;
    var TEXT_DECODER_MIN_LENGTH = 64;
    try {
      strictDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    } catch (err) {
      strictDecoder = looseDecoder;
    }
    utf82.length = function utf8_length(string) {
      var len = 0, c = 0;
      for (var i = 0; i < string.length; ++i) {
        c = string.charCodeAt(i);
        if (c < 128)
          len += 1;
        else if (c < 2048)
          len += 2;
        else if ((c & 64512) === 55296 && (string.charCodeAt(i + 1) & 64512) === 56320) {
          ++i;
          len += 4;
        } else
          len += 3;
      }
      return len;
    };
    function utf8_read_decoder(decoder, buffer, start, end) {
      var source = start === 0 && end === buffer.length ? buffer : buffer.subarray(start, end);
      return decoder.decode(source);
    }
    utf82.read = function utf8_read_loose(buffer, start, end) {
      if (end - start < 1)
        return "";
      if (end - start >= TEXT_DECODER_MIN_LENGTH)
        return utf8_read_decoder(looseDecoder, buffer, start, end);
      var str = "", i = start, c1, c2, c3, c4, c5, c6, c7, c8;
      for (; i + 7 < end; i += 8) {
        c1 = buffer[i];
        c2 = buffer[i + 1];
        c3 = buffer[i + 2];
        c4 = buffer[i + 3];
        c5 = buffer[i + 4];
        c6 = buffer[i + 5];
        c7 = buffer[i + 6];
        c8 = buffer[i + 7];
        if ((c1 | c2 | c3 | c4 | c5 | c6 | c7 | c8) & 128)
          return str + utf8_read_decoder(looseDecoder, buffer, i, end);
        str += String.fromCharCode(c1, c2, c3, c4, c5, c6, c7, c8);
      }
      for (; i < end; ++i) {
        c1 = buffer[i];
        if (c1 & 128)
          return str + utf8_read_decoder(looseDecoder, buffer, i, end);
        str += String.fromCharCode(c1);
      }
      return str;
    };
    utf82.readStrict = function utf8_read_strict(buffer, start, end) {
      if (end - start < 1)
        return "";
      if (end - start >= TEXT_DECODER_MIN_LENGTH)
        return utf8_read_decoder(strictDecoder, buffer, start, end);
      var str = "", i = start, c1, c2, c3, c4, c5, c6, c7, c8;
      for (; i + 7 < end; i += 8) {
        c1 = buffer[i];
        c2 = buffer[i + 1];
        c3 = buffer[i + 2];
        c4 = buffer[i + 3];
        c5 = buffer[i + 4];
        c6 = buffer[i + 5];
        c7 = buffer[i + 6];
        c8 = buffer[i + 7];
        if ((c1 | c2 | c3 | c4 | c5 | c6 | c7 | c8) & 128)
          return str + utf8_read_decoder(strictDecoder, buffer, i, end);
        str += String.fromCharCode(c1, c2, c3, c4, c5, c6, c7, c8);
      }
      for (; i < end; ++i) {
        c1 = buffer[i];
        if (c1 & 128)
          return str + utf8_read_decoder(strictDecoder, buffer, i, end);
        str += String.fromCharCode(c1);
      }
      return str;
    };
    utf82.write = function utf8_write(string, buffer, offset) {
      var start = offset, c1, c2;
      for (var i = 0; i < string.length; ++i) {
        c1 = string.charCodeAt(i);
        if (c1 < 128) {
          buffer[offset++] = c1;
        } else if (c1 < 2048) {
          buffer[offset++] = c1 >> 6 | 192;
          buffer[offset++] = c1 & 63 | 128;
        } else if ((c1 & 64512) === 55296 && ((c2 = string.charCodeAt(i + 1)) & 64512) === 56320) {
          c1 = 65536 + ((c1 & 1023) << 10) + (c2 & 1023);
          ++i;
          buffer[offset++] = c1 >> 18 | 240;
          buffer[offset++] = c1 >> 12 & 63 | 128;
          buffer[offset++] = c1 >> 6 & 63 | 128;
          buffer[offset++] = c1 & 63 | 128;
        } else {
          buffer[offset++] = c1 >> 12 | 224;
          buffer[offset++] = c1 >> 6 & 63 | 128;
          buffer[offset++] = c1 & 63 | 128;
        }
      }
      return offset - start;
    };
  }
});

// node_modules/protobufjs/src/util/pool.js
var require_pool = __commonJS({
  "node_modules/protobufjs/src/util/pool.js"(exports, module) {
    "use strict";
    module.exports = pool;
    function pool(alloc, slice, size) {
      var SIZE = size || 8192;
      var MAX = SIZE >>> 1;
      var slab = null;
      var offset = SIZE;
      return function pool_alloc(size2) {
        if (size2 < 1 || size2 > MAX)
          return alloc(size2);
        if (offset + size2 > SIZE) {
          slab = alloc(SIZE);
          offset = 0;
        }
        var buf = slice.call(slab, offset, offset += size2);
        if (offset & 7)
          offset = (offset | 7) + 1;
        return buf;
      };
    }
  }
});

// node_modules/protobufjs/src/util/longbits.js
var require_longbits = __commonJS({
  "node_modules/protobufjs/src/util/longbits.js"(exports, module) {
    "use strict";
    module.exports = LongBits;
    var Long;
    function LongBits(lo, hi) {
      this.lo = lo >>> 0;
      this.hi = hi >>> 0;
    }
    var zero = LongBits.zero = new LongBits(0, 0);
    zero.toNumber = function() {
      return 0;
    };
    zero.zzEncode = zero.zzDecode = function() {
      return this;
    };
    zero.length = function() {
      return 1;
    };
    var zeroHash = LongBits.zeroHash = "\0\0\0\0\0\0\0\0";
    LongBits.fromNumber = function fromNumber(value) {
      if (value === 0)
        return zero;
      var sign = value < 0;
      if (sign)
        value = -value;
      var lo = value >>> 0, hi = (value - lo) / 4294967296 >>> 0;
      if (sign) {
        hi = ~hi >>> 0;
        lo = ~lo >>> 0;
        if (++lo > 4294967295) {
          lo = 0;
          if (++hi > 4294967295)
            hi = 0;
        }
      }
      return new LongBits(lo, hi);
    };
    LongBits.from = function from(value) {
      if (typeof value === "number")
        return LongBits.fromNumber(value);
      if (typeof value === "string" || value instanceof String) {
        if (Long)
          value = Long.fromString(value);
        else
          return LongBits.fromNumber(parseInt(value, 10));
      }
      return value.low || value.high ? new LongBits(value.low >>> 0, value.high >>> 0) : zero;
    };
    LongBits.prototype.toNumber = function toNumber(unsigned) {
      if (!unsigned && this.hi >>> 31) {
        var lo = ~this.lo + 1 >>> 0, hi = ~this.hi >>> 0;
        if (!lo)
          hi = hi + 1 >>> 0;
        return -(lo + hi * 4294967296);
      }
      return this.lo + this.hi * 4294967296;
    };
    LongBits.prototype.toLong = function toLong(unsigned) {
      return Long ? new Long(this.lo | 0, this.hi | 0, Boolean(unsigned)) : { low: this.lo | 0, high: this.hi | 0, unsigned: Boolean(unsigned) };
    };
    var charCodeAt = String.prototype.charCodeAt;
    LongBits.fromHash = function fromHash(hash) {
      if (hash === zeroHash)
        return zero;
      return new LongBits(
        (charCodeAt.call(hash, 0) | charCodeAt.call(hash, 1) << 8 | charCodeAt.call(hash, 2) << 16 | charCodeAt.call(hash, 3) << 24) >>> 0,
        (charCodeAt.call(hash, 4) | charCodeAt.call(hash, 5) << 8 | charCodeAt.call(hash, 6) << 16 | charCodeAt.call(hash, 7) << 24) >>> 0
      );
    };
    LongBits.prototype.toHash = function toHash() {
      return String.fromCharCode(
        this.lo & 255,
        this.lo >>> 8 & 255,
        this.lo >>> 16 & 255,
        this.lo >>> 24,
        this.hi & 255,
        this.hi >>> 8 & 255,
        this.hi >>> 16 & 255,
        this.hi >>> 24
      );
    };
    LongBits.prototype.zzEncode = function zzEncode() {
      var mask = this.hi >> 31;
      this.hi = ((this.hi << 1 | this.lo >>> 31) ^ mask) >>> 0;
      this.lo = (this.lo << 1 ^ mask) >>> 0;
      return this;
    };
    LongBits.prototype.zzDecode = function zzDecode() {
      var mask = -(this.lo & 1);
      this.lo = ((this.lo >>> 1 | this.hi << 31) ^ mask) >>> 0;
      this.hi = (this.hi >>> 1 ^ mask) >>> 0;
      return this;
    };
    LongBits.prototype.length = function length() {
      var part0 = this.lo, part1 = (this.lo >>> 28 | this.hi << 4) >>> 0, part2 = this.hi >>> 24;
      return part2 === 0 ? part1 === 0 ? part0 < 16384 ? part0 < 128 ? 1 : 2 : part0 < 2097152 ? 3 : 4 : part1 < 16384 ? part1 < 128 ? 5 : 6 : part1 < 2097152 ? 7 : 8 : part2 < 128 ? 9 : 10;
    };
    LongBits._configure = function(Long_) {
      Long = Long_;
    };
  }
});

// node_modules/long/umd/index.js
var require_umd = __commonJS({
  "node_modules/long/umd/index.js"(exports, module) {
    (function(global2, factory) {
      function preferDefault(exports2) {
        return exports2.default || exports2;
      }
      if (typeof define === "function" && define.amd) {
        define([], function() {
          var exports2 = {};
          factory(exports2);
          return preferDefault(exports2);
        });
      } else if (typeof exports === "object") {
        factory(exports);
        if (typeof module === "object") module.exports = preferDefault(exports);
      } else {
        (function() {
          var exports2 = {};
          factory(exports2);
          global2.Long = preferDefault(exports2);
        })();
      }
    })(
      typeof globalThis !== "undefined" ? globalThis : typeof self !== "undefined" ? self : exports,
      function(_exports) {
        "use strict";
        Object.defineProperty(_exports, "__esModule", {
          value: true
        });
        _exports.default = void 0;
        var wasm = null;
        try {
          wasm = new WebAssembly.Instance(
            new WebAssembly.Module(
              new Uint8Array([
                // \0asm
                0,
                97,
                115,
                109,
                // version 1
                1,
                0,
                0,
                0,
                // section "type"
                1,
                13,
                2,
                // 0, () => i32
                96,
                0,
                1,
                127,
                // 1, (i32, i32, i32, i32) => i32
                96,
                4,
                127,
                127,
                127,
                127,
                1,
                127,
                // section "function"
                3,
                7,
                6,
                // 0, type 0
                0,
                // 1, type 1
                1,
                // 2, type 1
                1,
                // 3, type 1
                1,
                // 4, type 1
                1,
                // 5, type 1
                1,
                // section "global"
                6,
                6,
                1,
                // 0, "high", mutable i32
                127,
                1,
                65,
                0,
                11,
                // section "export"
                7,
                50,
                6,
                // 0, "mul"
                3,
                109,
                117,
                108,
                0,
                1,
                // 1, "div_s"
                5,
                100,
                105,
                118,
                95,
                115,
                0,
                2,
                // 2, "div_u"
                5,
                100,
                105,
                118,
                95,
                117,
                0,
                3,
                // 3, "rem_s"
                5,
                114,
                101,
                109,
                95,
                115,
                0,
                4,
                // 4, "rem_u"
                5,
                114,
                101,
                109,
                95,
                117,
                0,
                5,
                // 5, "get_high"
                8,
                103,
                101,
                116,
                95,
                104,
                105,
                103,
                104,
                0,
                0,
                // section "code"
                10,
                191,
                1,
                6,
                // 0, "get_high"
                4,
                0,
                35,
                0,
                11,
                // 1, "mul"
                36,
                1,
                1,
                126,
                32,
                0,
                173,
                32,
                1,
                173,
                66,
                32,
                134,
                132,
                32,
                2,
                173,
                32,
                3,
                173,
                66,
                32,
                134,
                132,
                126,
                34,
                4,
                66,
                32,
                135,
                167,
                36,
                0,
                32,
                4,
                167,
                11,
                // 2, "div_s"
                36,
                1,
                1,
                126,
                32,
                0,
                173,
                32,
                1,
                173,
                66,
                32,
                134,
                132,
                32,
                2,
                173,
                32,
                3,
                173,
                66,
                32,
                134,
                132,
                127,
                34,
                4,
                66,
                32,
                135,
                167,
                36,
                0,
                32,
                4,
                167,
                11,
                // 3, "div_u"
                36,
                1,
                1,
                126,
                32,
                0,
                173,
                32,
                1,
                173,
                66,
                32,
                134,
                132,
                32,
                2,
                173,
                32,
                3,
                173,
                66,
                32,
                134,
                132,
                128,
                34,
                4,
                66,
                32,
                135,
                167,
                36,
                0,
                32,
                4,
                167,
                11,
                // 4, "rem_s"
                36,
                1,
                1,
                126,
                32,
                0,
                173,
                32,
                1,
                173,
                66,
                32,
                134,
                132,
                32,
                2,
                173,
                32,
                3,
                173,
                66,
                32,
                134,
                132,
                129,
                34,
                4,
                66,
                32,
                135,
                167,
                36,
                0,
                32,
                4,
                167,
                11,
                // 5, "rem_u"
                36,
                1,
                1,
                126,
                32,
                0,
                173,
                32,
                1,
                173,
                66,
                32,
                134,
                132,
                32,
                2,
                173,
                32,
                3,
                173,
                66,
                32,
                134,
                132,
                130,
                34,
                4,
                66,
                32,
                135,
                167,
                36,
                0,
                32,
                4,
                167,
                11
              ])
            ),
            {}
          ).exports;
        } catch {
        }
        function Long(low, high, unsigned) {
          this.low = low | 0;
          this.high = high | 0;
          this.unsigned = !!unsigned;
        }
        Long.prototype.__isLong__;
        Object.defineProperty(Long.prototype, "__isLong__", {
          value: true
        });
        function isLong(obj) {
          return (obj && obj["__isLong__"]) === true;
        }
        function ctz32(value) {
          var c = Math.clz32(value & -value);
          return value ? 31 - c : c;
        }
        Long.isLong = isLong;
        var INT_CACHE = {};
        var UINT_CACHE = {};
        function fromInt(value, unsigned) {
          var obj, cachedObj, cache;
          if (unsigned) {
            value >>>= 0;
            if (cache = 0 <= value && value < 256) {
              cachedObj = UINT_CACHE[value];
              if (cachedObj) return cachedObj;
            }
            obj = fromBits(value, 0, true);
            if (cache) UINT_CACHE[value] = obj;
            return obj;
          } else {
            value |= 0;
            if (cache = -128 <= value && value < 128) {
              cachedObj = INT_CACHE[value];
              if (cachedObj) return cachedObj;
            }
            obj = fromBits(value, value < 0 ? -1 : 0, false);
            if (cache) INT_CACHE[value] = obj;
            return obj;
          }
        }
        Long.fromInt = fromInt;
        function fromNumber(value, unsigned) {
          if (isNaN(value)) return unsigned ? UZERO : ZERO;
          if (unsigned) {
            if (value < 0) return UZERO;
            if (value >= TWO_PWR_64_DBL) return MAX_UNSIGNED_VALUE;
          } else {
            if (value <= -TWO_PWR_63_DBL) return MIN_VALUE;
            if (value + 1 >= TWO_PWR_63_DBL) return MAX_VALUE;
          }
          if (value < 0) return fromNumber(-value, unsigned).neg();
          return fromBits(
            value % TWO_PWR_32_DBL | 0,
            value / TWO_PWR_32_DBL | 0,
            unsigned
          );
        }
        Long.fromNumber = fromNumber;
        function fromBits(lowBits, highBits, unsigned) {
          return new Long(lowBits, highBits, unsigned);
        }
        Long.fromBits = fromBits;
        var pow_dbl = Math.pow;
        function fromString(str, unsigned, radix) {
          if (str.length === 0) throw Error("empty string");
          if (typeof unsigned === "number") {
            radix = unsigned;
            unsigned = false;
          } else {
            unsigned = !!unsigned;
          }
          if (str === "NaN" || str === "Infinity" || str === "+Infinity" || str === "-Infinity")
            return unsigned ? UZERO : ZERO;
          radix = radix || 10;
          if (radix < 2 || 36 < radix) throw RangeError("radix");
          var p;
          if ((p = str.indexOf("-")) > 0) throw Error("interior hyphen");
          else if (p === 0) {
            return fromString(str.substring(1), unsigned, radix).neg();
          }
          var radixToPower = fromNumber(pow_dbl(radix, 8));
          var result = ZERO;
          for (var i = 0; i < str.length; i += 8) {
            var size = Math.min(8, str.length - i), value = parseInt(str.substring(i, i + size), radix);
            if (size < 8) {
              var power = fromNumber(pow_dbl(radix, size));
              result = result.mul(power).add(fromNumber(value));
            } else {
              result = result.mul(radixToPower);
              result = result.add(fromNumber(value));
            }
          }
          result.unsigned = unsigned;
          return result;
        }
        Long.fromString = fromString;
        function fromValue(val, unsigned) {
          if (typeof val === "number") return fromNumber(val, unsigned);
          if (typeof val === "string") return fromString(val, unsigned);
          return fromBits(
            val.low,
            val.high,
            typeof unsigned === "boolean" ? unsigned : val.unsigned
          );
        }
        Long.fromValue = fromValue;
        var TWO_PWR_16_DBL = 1 << 16;
        var TWO_PWR_24_DBL = 1 << 24;
        var TWO_PWR_32_DBL = TWO_PWR_16_DBL * TWO_PWR_16_DBL;
        var TWO_PWR_64_DBL = TWO_PWR_32_DBL * TWO_PWR_32_DBL;
        var TWO_PWR_63_DBL = TWO_PWR_64_DBL / 2;
        var TWO_PWR_24 = fromInt(TWO_PWR_24_DBL);
        var ZERO = fromInt(0);
        Long.ZERO = ZERO;
        var UZERO = fromInt(0, true);
        Long.UZERO = UZERO;
        var ONE = fromInt(1);
        Long.ONE = ONE;
        var UONE = fromInt(1, true);
        Long.UONE = UONE;
        var NEG_ONE = fromInt(-1);
        Long.NEG_ONE = NEG_ONE;
        var MAX_VALUE = fromBits(4294967295 | 0, 2147483647 | 0, false);
        Long.MAX_VALUE = MAX_VALUE;
        var MAX_UNSIGNED_VALUE = fromBits(4294967295 | 0, 4294967295 | 0, true);
        Long.MAX_UNSIGNED_VALUE = MAX_UNSIGNED_VALUE;
        var MIN_VALUE = fromBits(0, 2147483648 | 0, false);
        Long.MIN_VALUE = MIN_VALUE;
        var LongPrototype = Long.prototype;
        LongPrototype.toInt = function toInt() {
          return this.unsigned ? this.low >>> 0 : this.low;
        };
        LongPrototype.toNumber = function toNumber() {
          if (this.unsigned)
            return (this.high >>> 0) * TWO_PWR_32_DBL + (this.low >>> 0);
          return this.high * TWO_PWR_32_DBL + (this.low >>> 0);
        };
        LongPrototype.toString = function toString(radix) {
          radix = radix || 10;
          if (radix < 2 || 36 < radix) throw RangeError("radix");
          if (this.isZero()) return "0";
          if (this.isNegative()) {
            if (this.eq(MIN_VALUE)) {
              var radixLong = fromNumber(radix), div = this.div(radixLong), rem1 = div.mul(radixLong).sub(this);
              return div.toString(radix) + rem1.toInt().toString(radix);
            } else return "-" + this.neg().toString(radix);
          }
          var radixToPower = fromNumber(pow_dbl(radix, 6), this.unsigned), rem = this;
          var result = "";
          while (true) {
            var remDiv = rem.div(radixToPower), intval = rem.sub(remDiv.mul(radixToPower)).toInt() >>> 0, digits = intval.toString(radix);
            rem = remDiv;
            if (rem.isZero()) return digits + result;
            else {
              while (digits.length < 6) digits = "0" + digits;
              result = "" + digits + result;
            }
          }
        };
        LongPrototype.getHighBits = function getHighBits() {
          return this.high;
        };
        LongPrototype.getHighBitsUnsigned = function getHighBitsUnsigned() {
          return this.high >>> 0;
        };
        LongPrototype.getLowBits = function getLowBits() {
          return this.low;
        };
        LongPrototype.getLowBitsUnsigned = function getLowBitsUnsigned() {
          return this.low >>> 0;
        };
        LongPrototype.getNumBitsAbs = function getNumBitsAbs() {
          if (this.isNegative())
            return this.eq(MIN_VALUE) ? 64 : this.neg().getNumBitsAbs();
          var val = this.high != 0 ? this.high : this.low;
          for (var bit = 31; bit > 0; bit--) if ((val & 1 << bit) != 0) break;
          return this.high != 0 ? bit + 33 : bit + 1;
        };
        LongPrototype.isSafeInteger = function isSafeInteger() {
          var top11Bits = this.high >> 21;
          if (!top11Bits) return true;
          if (this.unsigned) return false;
          return top11Bits === -1 && !(this.low === 0 && this.high === -2097152);
        };
        LongPrototype.isZero = function isZero() {
          return this.high === 0 && this.low === 0;
        };
        LongPrototype.eqz = LongPrototype.isZero;
        LongPrototype.isNegative = function isNegative() {
          return !this.unsigned && this.high < 0;
        };
        LongPrototype.isPositive = function isPositive() {
          return this.unsigned || this.high >= 0;
        };
        LongPrototype.isOdd = function isOdd() {
          return (this.low & 1) === 1;
        };
        LongPrototype.isEven = function isEven() {
          return (this.low & 1) === 0;
        };
        LongPrototype.equals = function equals(other) {
          if (!isLong(other)) other = fromValue(other);
          if (this.unsigned !== other.unsigned && this.high >>> 31 === 1 && other.high >>> 31 === 1)
            return false;
          return this.high === other.high && this.low === other.low;
        };
        LongPrototype.eq = LongPrototype.equals;
        LongPrototype.notEquals = function notEquals(other) {
          return !this.eq(
            /* validates */
            other
          );
        };
        LongPrototype.neq = LongPrototype.notEquals;
        LongPrototype.ne = LongPrototype.notEquals;
        LongPrototype.lessThan = function lessThan(other) {
          return this.comp(
            /* validates */
            other
          ) < 0;
        };
        LongPrototype.lt = LongPrototype.lessThan;
        LongPrototype.lessThanOrEqual = function lessThanOrEqual(other) {
          return this.comp(
            /* validates */
            other
          ) <= 0;
        };
        LongPrototype.lte = LongPrototype.lessThanOrEqual;
        LongPrototype.le = LongPrototype.lessThanOrEqual;
        LongPrototype.greaterThan = function greaterThan(other) {
          return this.comp(
            /* validates */
            other
          ) > 0;
        };
        LongPrototype.gt = LongPrototype.greaterThan;
        LongPrototype.greaterThanOrEqual = function greaterThanOrEqual(other) {
          return this.comp(
            /* validates */
            other
          ) >= 0;
        };
        LongPrototype.gte = LongPrototype.greaterThanOrEqual;
        LongPrototype.ge = LongPrototype.greaterThanOrEqual;
        LongPrototype.compare = function compare(other) {
          if (!isLong(other)) other = fromValue(other);
          if (this.eq(other)) return 0;
          var thisNeg = this.isNegative(), otherNeg = other.isNegative();
          if (thisNeg && !otherNeg) return -1;
          if (!thisNeg && otherNeg) return 1;
          if (!this.unsigned) return this.sub(other).isNegative() ? -1 : 1;
          return other.high >>> 0 > this.high >>> 0 || other.high === this.high && other.low >>> 0 > this.low >>> 0 ? -1 : 1;
        };
        LongPrototype.comp = LongPrototype.compare;
        LongPrototype.negate = function negate() {
          if (!this.unsigned && this.eq(MIN_VALUE)) return MIN_VALUE;
          return this.not().add(ONE);
        };
        LongPrototype.neg = LongPrototype.negate;
        LongPrototype.add = function add(addend) {
          if (!isLong(addend)) addend = fromValue(addend);
          var a48 = this.high >>> 16;
          var a32 = this.high & 65535;
          var a16 = this.low >>> 16;
          var a00 = this.low & 65535;
          var b48 = addend.high >>> 16;
          var b32 = addend.high & 65535;
          var b16 = addend.low >>> 16;
          var b00 = addend.low & 65535;
          var c48 = 0, c32 = 0, c16 = 0, c00 = 0;
          c00 += a00 + b00;
          c16 += c00 >>> 16;
          c00 &= 65535;
          c16 += a16 + b16;
          c32 += c16 >>> 16;
          c16 &= 65535;
          c32 += a32 + b32;
          c48 += c32 >>> 16;
          c32 &= 65535;
          c48 += a48 + b48;
          c48 &= 65535;
          return fromBits(c16 << 16 | c00, c48 << 16 | c32, this.unsigned);
        };
        LongPrototype.subtract = function subtract(subtrahend) {
          if (!isLong(subtrahend)) subtrahend = fromValue(subtrahend);
          return this.add(subtrahend.neg());
        };
        LongPrototype.sub = LongPrototype.subtract;
        LongPrototype.multiply = function multiply(multiplier) {
          if (this.isZero()) return this;
          if (!isLong(multiplier)) multiplier = fromValue(multiplier);
          if (wasm) {
            var low = wasm["mul"](
              this.low,
              this.high,
              multiplier.low,
              multiplier.high
            );
            return fromBits(low, wasm["get_high"](), this.unsigned);
          }
          if (multiplier.isZero()) return this.unsigned ? UZERO : ZERO;
          if (this.eq(MIN_VALUE)) return multiplier.isOdd() ? MIN_VALUE : ZERO;
          if (multiplier.eq(MIN_VALUE)) return this.isOdd() ? MIN_VALUE : ZERO;
          if (this.isNegative()) {
            if (multiplier.isNegative()) return this.neg().mul(multiplier.neg());
            else return this.neg().mul(multiplier).neg();
          } else if (multiplier.isNegative())
            return this.mul(multiplier.neg()).neg();
          if (this.lt(TWO_PWR_24) && multiplier.lt(TWO_PWR_24))
            return fromNumber(
              this.toNumber() * multiplier.toNumber(),
              this.unsigned
            );
          var a48 = this.high >>> 16;
          var a32 = this.high & 65535;
          var a16 = this.low >>> 16;
          var a00 = this.low & 65535;
          var b48 = multiplier.high >>> 16;
          var b32 = multiplier.high & 65535;
          var b16 = multiplier.low >>> 16;
          var b00 = multiplier.low & 65535;
          var c48 = 0, c32 = 0, c16 = 0, c00 = 0;
          c00 += a00 * b00;
          c16 += c00 >>> 16;
          c00 &= 65535;
          c16 += a16 * b00;
          c32 += c16 >>> 16;
          c16 &= 65535;
          c16 += a00 * b16;
          c32 += c16 >>> 16;
          c16 &= 65535;
          c32 += a32 * b00;
          c48 += c32 >>> 16;
          c32 &= 65535;
          c32 += a16 * b16;
          c48 += c32 >>> 16;
          c32 &= 65535;
          c32 += a00 * b32;
          c48 += c32 >>> 16;
          c32 &= 65535;
          c48 += a48 * b00 + a32 * b16 + a16 * b32 + a00 * b48;
          c48 &= 65535;
          return fromBits(c16 << 16 | c00, c48 << 16 | c32, this.unsigned);
        };
        LongPrototype.mul = LongPrototype.multiply;
        LongPrototype.divide = function divide(divisor) {
          if (!isLong(divisor)) divisor = fromValue(divisor);
          if (divisor.isZero()) throw Error("division by zero");
          if (wasm) {
            if (!this.unsigned && this.high === -2147483648 && divisor.low === -1 && divisor.high === -1) {
              return this;
            }
            var low = (this.unsigned ? wasm["div_u"] : wasm["div_s"])(
              this.low,
              this.high,
              divisor.low,
              divisor.high
            );
            return fromBits(low, wasm["get_high"](), this.unsigned);
          }
          if (this.isZero()) return this.unsigned ? UZERO : ZERO;
          var approx, rem, res;
          if (!this.unsigned) {
            if (this.eq(MIN_VALUE)) {
              if (divisor.eq(ONE) || divisor.eq(NEG_ONE))
                return MIN_VALUE;
              else if (divisor.eq(MIN_VALUE)) return ONE;
              else {
                var halfThis = this.shr(1);
                approx = halfThis.div(divisor).shl(1);
                if (approx.eq(ZERO)) {
                  return divisor.isNegative() ? ONE : NEG_ONE;
                } else {
                  rem = this.sub(divisor.mul(approx));
                  res = approx.add(rem.div(divisor));
                  return res;
                }
              }
            } else if (divisor.eq(MIN_VALUE)) return this.unsigned ? UZERO : ZERO;
            if (this.isNegative()) {
              if (divisor.isNegative()) return this.neg().div(divisor.neg());
              return this.neg().div(divisor).neg();
            } else if (divisor.isNegative()) return this.div(divisor.neg()).neg();
            res = ZERO;
          } else {
            if (!divisor.unsigned) divisor = divisor.toUnsigned();
            if (divisor.gt(this)) return UZERO;
            if (divisor.gt(this.shru(1)))
              return UONE;
            res = UZERO;
          }
          rem = this;
          while (rem.gte(divisor)) {
            approx = Math.max(1, Math.floor(rem.toNumber() / divisor.toNumber()));
            var log2 = Math.ceil(Math.log(approx) / Math.LN2), delta = log2 <= 48 ? 1 : pow_dbl(2, log2 - 48), approxRes = fromNumber(approx), approxRem = approxRes.mul(divisor);
            while (approxRem.isNegative() || approxRem.gt(rem)) {
              approx -= delta;
              approxRes = fromNumber(approx, this.unsigned);
              approxRem = approxRes.mul(divisor);
            }
            if (approxRes.isZero()) approxRes = ONE;
            res = res.add(approxRes);
            rem = rem.sub(approxRem);
          }
          return res;
        };
        LongPrototype.div = LongPrototype.divide;
        LongPrototype.modulo = function modulo(divisor) {
          if (!isLong(divisor)) divisor = fromValue(divisor);
          if (wasm) {
            var low = (this.unsigned ? wasm["rem_u"] : wasm["rem_s"])(
              this.low,
              this.high,
              divisor.low,
              divisor.high
            );
            return fromBits(low, wasm["get_high"](), this.unsigned);
          }
          return this.sub(this.div(divisor).mul(divisor));
        };
        LongPrototype.mod = LongPrototype.modulo;
        LongPrototype.rem = LongPrototype.modulo;
        LongPrototype.not = function not() {
          return fromBits(~this.low, ~this.high, this.unsigned);
        };
        LongPrototype.countLeadingZeros = function countLeadingZeros() {
          return this.high ? Math.clz32(this.high) : Math.clz32(this.low) + 32;
        };
        LongPrototype.clz = LongPrototype.countLeadingZeros;
        LongPrototype.countTrailingZeros = function countTrailingZeros() {
          return this.low ? ctz32(this.low) : ctz32(this.high) + 32;
        };
        LongPrototype.ctz = LongPrototype.countTrailingZeros;
        LongPrototype.and = function and(other) {
          if (!isLong(other)) other = fromValue(other);
          return fromBits(
            this.low & other.low,
            this.high & other.high,
            this.unsigned
          );
        };
        LongPrototype.or = function or(other) {
          if (!isLong(other)) other = fromValue(other);
          return fromBits(
            this.low | other.low,
            this.high | other.high,
            this.unsigned
          );
        };
        LongPrototype.xor = function xor(other) {
          if (!isLong(other)) other = fromValue(other);
          return fromBits(
            this.low ^ other.low,
            this.high ^ other.high,
            this.unsigned
          );
        };
        LongPrototype.shiftLeft = function shiftLeft(numBits) {
          if (isLong(numBits)) numBits = numBits.toInt();
          if ((numBits &= 63) === 0) return this;
          else if (numBits < 32)
            return fromBits(
              this.low << numBits,
              this.high << numBits | this.low >>> 32 - numBits,
              this.unsigned
            );
          else return fromBits(0, this.low << numBits - 32, this.unsigned);
        };
        LongPrototype.shl = LongPrototype.shiftLeft;
        LongPrototype.shiftRight = function shiftRight(numBits) {
          if (isLong(numBits)) numBits = numBits.toInt();
          if ((numBits &= 63) === 0) return this;
          else if (numBits < 32)
            return fromBits(
              this.low >>> numBits | this.high << 32 - numBits,
              this.high >> numBits,
              this.unsigned
            );
          else
            return fromBits(
              this.high >> numBits - 32,
              this.high >= 0 ? 0 : -1,
              this.unsigned
            );
        };
        LongPrototype.shr = LongPrototype.shiftRight;
        LongPrototype.shiftRightUnsigned = function shiftRightUnsigned(numBits) {
          if (isLong(numBits)) numBits = numBits.toInt();
          if ((numBits &= 63) === 0) return this;
          if (numBits < 32)
            return fromBits(
              this.low >>> numBits | this.high << 32 - numBits,
              this.high >>> numBits,
              this.unsigned
            );
          if (numBits === 32) return fromBits(this.high, 0, this.unsigned);
          return fromBits(this.high >>> numBits - 32, 0, this.unsigned);
        };
        LongPrototype.shru = LongPrototype.shiftRightUnsigned;
        LongPrototype.shr_u = LongPrototype.shiftRightUnsigned;
        LongPrototype.rotateLeft = function rotateLeft(numBits) {
          var b;
          if (isLong(numBits)) numBits = numBits.toInt();
          if ((numBits &= 63) === 0) return this;
          if (numBits === 32) return fromBits(this.high, this.low, this.unsigned);
          if (numBits < 32) {
            b = 32 - numBits;
            return fromBits(
              this.low << numBits | this.high >>> b,
              this.high << numBits | this.low >>> b,
              this.unsigned
            );
          }
          numBits -= 32;
          b = 32 - numBits;
          return fromBits(
            this.high << numBits | this.low >>> b,
            this.low << numBits | this.high >>> b,
            this.unsigned
          );
        };
        LongPrototype.rotl = LongPrototype.rotateLeft;
        LongPrototype.rotateRight = function rotateRight(numBits) {
          var b;
          if (isLong(numBits)) numBits = numBits.toInt();
          if ((numBits &= 63) === 0) return this;
          if (numBits === 32) return fromBits(this.high, this.low, this.unsigned);
          if (numBits < 32) {
            b = 32 - numBits;
            return fromBits(
              this.high << b | this.low >>> numBits,
              this.low << b | this.high >>> numBits,
              this.unsigned
            );
          }
          numBits -= 32;
          b = 32 - numBits;
          return fromBits(
            this.low << b | this.high >>> numBits,
            this.high << b | this.low >>> numBits,
            this.unsigned
          );
        };
        LongPrototype.rotr = LongPrototype.rotateRight;
        LongPrototype.toSigned = function toSigned() {
          if (!this.unsigned) return this;
          return fromBits(this.low, this.high, false);
        };
        LongPrototype.toUnsigned = function toUnsigned() {
          if (this.unsigned) return this;
          return fromBits(this.low, this.high, true);
        };
        LongPrototype.toBytes = function toBytes(le) {
          return le ? this.toBytesLE() : this.toBytesBE();
        };
        LongPrototype.toBytesLE = function toBytesLE() {
          var hi = this.high, lo = this.low;
          return [
            lo & 255,
            lo >>> 8 & 255,
            lo >>> 16 & 255,
            lo >>> 24,
            hi & 255,
            hi >>> 8 & 255,
            hi >>> 16 & 255,
            hi >>> 24
          ];
        };
        LongPrototype.toBytesBE = function toBytesBE() {
          var hi = this.high, lo = this.low;
          return [
            hi >>> 24,
            hi >>> 16 & 255,
            hi >>> 8 & 255,
            hi & 255,
            lo >>> 24,
            lo >>> 16 & 255,
            lo >>> 8 & 255,
            lo & 255
          ];
        };
        Long.fromBytes = function fromBytes(bytes2, unsigned, le) {
          return le ? Long.fromBytesLE(bytes2, unsigned) : Long.fromBytesBE(bytes2, unsigned);
        };
        Long.fromBytesLE = function fromBytesLE(bytes2, unsigned) {
          return new Long(
            bytes2[0] | bytes2[1] << 8 | bytes2[2] << 16 | bytes2[3] << 24,
            bytes2[4] | bytes2[5] << 8 | bytes2[6] << 16 | bytes2[7] << 24,
            unsigned
          );
        };
        Long.fromBytesBE = function fromBytesBE(bytes2, unsigned) {
          return new Long(
            bytes2[4] << 24 | bytes2[5] << 16 | bytes2[6] << 8 | bytes2[7],
            bytes2[0] << 24 | bytes2[1] << 16 | bytes2[2] << 8 | bytes2[3],
            unsigned
          );
        };
        if (typeof BigInt === "function") {
          Long.fromBigInt = function fromBigInt(value, unsigned) {
            var lowBits = Number(BigInt.asIntN(32, value));
            var highBits = Number(BigInt.asIntN(32, value >> BigInt(32)));
            return fromBits(lowBits, highBits, unsigned);
          };
          Long.fromValue = function fromValueWithBigInt(value, unsigned) {
            if (typeof value === "bigint") return Long.fromBigInt(value, unsigned);
            return fromValue(value, unsigned);
          };
          LongPrototype.toBigInt = function toBigInt() {
            var lowBigInt = BigInt(this.low >>> 0);
            var highBigInt = BigInt(this.unsigned ? this.high >>> 0 : this.high);
            return highBigInt << BigInt(32) | lowBigInt;
          };
        }
        var _default = _exports.default = Long;
      }
    );
  }
});

// node_modules/protobufjs/src/util/minimal.js
var require_minimal = __commonJS({
  "node_modules/protobufjs/src/util/minimal.js"(exports) {
    "use strict";
    var util = exports;
    util.asPromise = require_aspromise();
    util.base64 = require_base64();
    util.EventEmitter = require_eventemitter();
    util.float = require_float();
    util.utf8 = require_utf8();
    util.pool = require_pool();
    util.LongBits = require_longbits();
    function isUnsafeProperty(key) {
      return key === "__proto__" || key === "prototype" || key === "constructor";
    }
    util.isUnsafeProperty = isUnsafeProperty;
    util.isNode = Boolean(typeof global !== "undefined" && global && global.process && global.process.versions && global.process.versions.node);
    util.global = util.isNode && global || typeof window !== "undefined" && window || typeof self !== "undefined" && self || typeof globalThis !== "undefined" && globalThis || exports;
    util.emptyArray = Object.freeze ? Object.freeze([]) : (
      /* istanbul ignore next */
      []
    );
    util.emptyObject = Object.freeze ? Object.freeze({}) : (
      /* istanbul ignore next */
      {}
    );
    util.isInteger = Number.isInteger || /* istanbul ignore next */
    function isInteger(value) {
      return typeof value === "number" && isFinite(value) && Math.floor(value) === value;
    };
    util.isString = function isString(value) {
      return typeof value === "string" || value instanceof String;
    };
    util.isObject = function isObject(value) {
      return value && typeof value === "object";
    };
    util.isset = /**
     * Checks if a property on a message is considered to be present.
     * @param {Object} obj Plain object or message instance
     * @param {string} prop Property name
     * @returns {boolean} `true` if considered to be present, otherwise `false`
     */
    util.isSet = function isSet(obj, prop) {
      var value = obj[prop];
      if (value != null && Object.hasOwnProperty.call(obj, prop))
        return typeof value !== "object" || (Array.isArray(value) ? value.length : Object.keys(value).length) > 0;
      return false;
    };
    util.Buffer = (function() {
      try {
        var Buffer2 = util.global.Buffer;
        return Buffer2.prototype.utf8Write || util.isNode ? Buffer2 : (
          /* istanbul ignore next */
          null
        );
      } catch (e) {
        return null;
      }
    })();
    util.newBuffer = function newBuffer(sizeOrArray) {
      var Buffer2 = util.Buffer;
      return typeof sizeOrArray === "number" ? Buffer2 ? Buffer2.allocUnsafe(sizeOrArray) : new Uint8Array(sizeOrArray) : Buffer2 ? Buffer2.from(sizeOrArray) : new Uint8Array(sizeOrArray);
    };
    util.rawField = function rawField(id, wireType, data) {
      var out = [], tag2 = id << 3 | wireType;
      tag2 >>>= 0;
      while (tag2 > 127) {
        out.push(tag2 & 127 | 128);
        tag2 >>>= 7;
      }
      out.push(tag2);
      for (var i = 0; i < data.length; ++i)
        out.push(data[i]);
      return util.newBuffer(out);
    };
    util.Array = Uint8Array;
    util.Long = /* istanbul ignore next */
    util.global.dcodeIO && /* istanbul ignore next */
    util.global.dcodeIO.Long || /* istanbul ignore next */
    util.global.Long || (function() {
      try {
        var Long = require_umd();
        return Long && Long.isLong ? Long : null;
      } catch (e) {
        return null;
      }
    })();
    util.key2Re = /^(?:true|false|0|1)$/;
    util.key32Re = /^-?(?:0|[1-9][0-9]*)$/;
    util.key64Re = /^(?:[\x00-\xff]{8}|-?(?:0|[1-9][0-9]*))$/;
    util.longToHash = function longToHash(value) {
      return value ? util.LongBits.from(value).toHash() : util.LongBits.zeroHash;
    };
    util.longFromHash = function longFromHash(hash, unsigned) {
      var bits = util.LongBits.fromHash(hash);
      if (util.Long)
        return util.Long.fromBits(bits.lo, bits.hi, unsigned);
      return bits.toNumber(Boolean(unsigned));
    };
    util.longFromKey = function longFromKey(key, unsigned) {
      return util.key64Re.test(key) && !util.key32Re.test(key) ? util.longFromHash(key, unsigned) : key;
    };
    util.boolFromKey = function boolFromKey(key) {
      return key === "true" || key === "1";
    };
    function merge(dst) {
      var ifNotSet = typeof arguments[arguments.length - 1] === "boolean", limit = ifNotSet ? arguments.length - 1 : arguments.length;
      ifNotSet = ifNotSet && arguments[arguments.length - 1];
      for (var a = 1; a < limit; ++a) {
        var src = arguments[a];
        if (!src)
          continue;
        for (var keys = Object.keys(src), i = 0; i < keys.length; ++i)
          if (!isUnsafeProperty(keys[i]) && (!ifNotSet || !Object.prototype.hasOwnProperty.call(dst, keys[i]) || dst[keys[i]] === void 0))
            dst[keys[i]] = src[keys[i]];
      }
      return dst;
    }
    util.merge = merge;
    util.nestingLimit = 32;
    util.recursionLimit = 100;
    util.makeProp = function makeProp(obj, key, enumerable) {
      if (Object.prototype.hasOwnProperty.call(obj, key))
        return;
      Object.defineProperty(obj, key, {
        enumerable: enumerable === void 0 ? true : enumerable,
        configurable: true,
        writable: true
      });
    };
    util.lcFirst = function lcFirst(str) {
      return str.charAt(0).toLowerCase() + str.substring(1);
    };
    function newError(name) {
      function CustomError(message, properties) {
        if (!(this instanceof CustomError))
          return new CustomError(message, properties);
        Object.defineProperty(this, "message", { get: function() {
          return message;
        } });
        if (Error.captureStackTrace)
          Error.captureStackTrace(this, CustomError);
        else
          Object.defineProperty(this, "stack", { value: new Error().stack || "" });
        if (properties)
          merge(this, properties);
      }
      CustomError.prototype = Object.create(Error.prototype, {
        constructor: {
          value: CustomError,
          writable: true,
          enumerable: false,
          configurable: true
        },
        name: {
          get: function get() {
            return name;
          },
          set: void 0,
          enumerable: false,
          // configurable: false would accurately preserve the behavior of
          // the original, but I'm guessing that was not intentional.
          // For an actual error subclass, this property would
          // be configurable.
          configurable: true
        },
        toString: {
          value: function value() {
            return this.name + ": " + this.message;
          },
          writable: true,
          enumerable: false,
          configurable: true
        }
      });
      return CustomError;
    }
    util.newError = newError;
    util.ProtocolError = newError("ProtocolError");
    util.oneOfGetter = function getOneOf(fieldNames2) {
      var fieldMap = {};
      for (var i = 0; i < fieldNames2.length; ++i)
        fieldMap[fieldNames2[i]] = 1;
      return function() {
        for (var keys = Object.keys(this), i2 = keys.length - 1; i2 > -1; --i2)
          if (fieldMap[keys[i2]] === 1 && this[keys[i2]] !== void 0 && this[keys[i2]] !== null)
            return keys[i2];
      };
    };
    util.oneOfSetter = function setOneOf(fieldNames2) {
      return function(name) {
        for (var i = 0; i < fieldNames2.length; ++i)
          if (fieldNames2[i] !== name)
            delete this[fieldNames2[i]];
      };
    };
    util.toJSONOptions = {
      longs: String,
      enums: String,
      bytes: String,
      json: true
    };
  }
});

// node_modules/protobufjs/src/writer.js
var require_writer = __commonJS({
  "node_modules/protobufjs/src/writer.js"(exports, module) {
    "use strict";
    module.exports = Writer;
    var util = require_minimal();
    var BufferWriter;
    var LongBits = util.LongBits;
    var base64 = util.base64;
    var utf82 = util.utf8;
    function Writer() {
      this.pos = 0;
      this.buf = this.constructor.alloc(Writer.initialBufferSize);
      this.view = null;
      this.states = null;
    }
    Writer.initialBufferSize = 128;
    Object.defineProperty(Writer.prototype, "len", {
      configurable: true,
      enumerable: true,
      get: function get_len() {
        return this.pos;
      }
    });
    var create = function create2() {
      return util.Buffer ? function create_buffer_setup() {
        return (Writer.create = function create_buffer() {
          return new BufferWriter();
        })();
      } : function create_array() {
        return new Writer();
      };
    };
    Writer.create = create();
    Writer.alloc = function alloc(size) {
      return new Uint8Array(size);
    };
    Writer.alloc = util.pool(Writer.alloc, Uint8Array.prototype.subarray);
    function sizeVarint32(value) {
      return value < 128 ? 1 : value < 16384 ? 2 : value < 2097152 ? 3 : value < 268435456 ? 4 : 5;
    }
    Writer.prototype._reserve = function _reserve(n) {
      var need = this.pos + n;
      if (need > this.buf.length) {
        var size = this.buf.length << 1;
        if (size < need)
          size = need;
        var buf = this.constructor.alloc(size);
        buf.set(this.buf.subarray(0, this.pos), 0);
        this.buf = buf;
        this.view = null;
      }
    };
    function writeStringAscii(val, buf, pos) {
      for (var i = 0; i < val.length; )
        buf[pos++] = val.charCodeAt(i++);
    }
    function writeVarint32(val, buf, pos) {
      while (val > 127) {
        buf[pos++] = val & 127 | 128;
        val >>>= 7;
      }
      buf[pos] = val;
      return pos + 1;
    }
    Writer.prototype.uint32 = function write_uint32(value) {
      value = value >>> 0;
      this._reserve(5);
      var pos = this.pos;
      this.pos = writeVarint32(value, this.buf, pos);
      return this;
    };
    Writer.prototype.int32 = function write_int32(value) {
      if ((value |= 0) < 0) {
        this._reserve(10);
        writeVarint64(LongBits.fromNumber(value), this.buf, this.pos);
        this.pos += 10;
        return this;
      }
      return this.uint32(value);
    };
    Writer.prototype.sint32 = function write_sint32(value) {
      return this.uint32((value << 1 ^ value >> 31) >>> 0);
    };
    function writeVarint64(val, buf, pos) {
      var lo = val.lo, hi = val.hi;
      while (hi) {
        buf[pos++] = lo & 127 | 128;
        lo = (lo >>> 7 | hi << 25) >>> 0;
        hi >>>= 7;
      }
      while (lo > 127) {
        buf[pos++] = lo & 127 | 128;
        lo = lo >>> 7;
      }
      buf[pos] = lo;
      return pos + 1;
    }
    Writer.prototype.uint64 = function write_uint64(value) {
      var bits = LongBits.from(value);
      this._reserve(10);
      var pos = this.pos;
      this.pos = writeVarint64(bits, this.buf, pos);
      return this;
    };
    Writer.prototype.int64 = Writer.prototype.uint64;
    Writer.prototype.sint64 = function write_sint64(value) {
      var bits = LongBits.from(value).zzEncode();
      this._reserve(10);
      var pos = this.pos;
      this.pos = writeVarint64(bits, this.buf, pos);
      return this;
    };
    Writer.prototype.bool = function write_bool(value) {
      this._reserve(1);
      this.buf[this.pos++] = value ? 1 : 0;
      return this;
    };
    function writeFixed32(val, buf, pos) {
      buf[pos] = val & 255;
      buf[pos + 1] = val >>> 8 & 255;
      buf[pos + 2] = val >>> 16 & 255;
      buf[pos + 3] = val >>> 24;
    }
    Writer.prototype.fixed32 = function write_fixed32(value) {
      this._reserve(4);
      writeFixed32(value >>> 0, this.buf, this.pos);
      this.pos += 4;
      return this;
    };
    Writer.prototype.sfixed32 = Writer.prototype.fixed32;
    Writer.prototype.fixed64 = function write_fixed64(value) {
      var bits = LongBits.from(value);
      this._reserve(8);
      writeFixed32(bits.lo, this.buf, this.pos);
      writeFixed32(bits.hi, this.buf, this.pos + 4);
      this.pos += 8;
      return this;
    };
    Writer.prototype.sfixed64 = Writer.prototype.fixed64;
    Writer.prototype.float = function write_float(value) {
      this._reserve(4);
      util.float.writeFloatLE(value, this.buf, this.pos);
      this.pos += 4;
      return this;
    };
    Writer.prototype.double = function write_double(value) {
      this._reserve(8);
      util.float.writeDoubleLE(value, this.buf, this.pos);
      this.pos += 8;
      return this;
    };
    Writer.prototype.bytes = function write_bytes(value) {
      var len = value.length >>> 0;
      if (!len) {
        this._reserve(1);
        this.buf[this.pos++] = 0;
        return this;
      }
      if (util.isString(value)) {
        var buf = Writer.alloc(len = base64.length(value));
        base64.decode(value, buf, 0);
        value = buf;
      }
      this.uint32(len);
      this._reserve(len);
      this.buf.set(value, this.pos);
      this.pos += len;
      return this;
    };
    Writer.prototype.raw = function write_raw(value) {
      var len = value.length >>> 0;
      if (!len)
        return this;
      this._reserve(len);
      this.buf.set(value, this.pos);
      this.pos += len;
      return this;
    };
    Writer.prototype._delim = function _delim(pos, len) {
      var n = sizeVarint32(len);
      if (n > 1)
        this.buf.copyWithin(pos + n, pos + 1, pos + 1 + len);
      writeVarint32(len, this.buf, pos);
      this.pos = pos + n + len;
      return this;
    };
    Writer.prototype.string = function write_string(value) {
      var n = value.length;
      if (!n) {
        this._reserve(1);
        this.buf[this.pos++] = 0;
        return this;
      }
      if (n < 128) {
        this._reserve(n * 3 + 5);
        var lenPos = this.pos;
        return this._delim(lenPos, utf82.write(value, this.buf, lenPos + 1));
      }
      var len = utf82.length(value);
      this.uint32(len);
      this._reserve(len);
      if (len === value.length)
        writeStringAscii(value, this.buf, this.pos);
      else
        utf82.write(value, this.buf, this.pos);
      this.pos += len;
      return this;
    };
    Writer.prototype.uint32s = function write_uint32s(value) {
      var n = value.length;
      this._reserve(n * 5 + 5);
      var buf = this.buf, lenPos = this.pos, p = lenPos + 1;
      for (var i = 0; i < n; ++i)
        p = writeVarint32(value[i] >>> 0, buf, p);
      return this._delim(lenPos, p - lenPos - 1);
    };
    Writer.prototype.int32s = function write_int32s(value) {
      var n = value.length;
      this._reserve(n * 10 + 5);
      var buf = this.buf, lenPos = this.pos, pos = lenPos + 1, val;
      for (var i = 0; i < n; ++i) {
        if ((val = value[i] | 0) < 0) {
          pos = writeVarint64(LongBits.fromNumber(val), buf, pos);
        } else {
          pos = writeVarint32(val, buf, pos);
        }
      }
      return this._delim(lenPos, pos - lenPos - 1);
    };
    Writer.prototype.sint32s = function write_sint32s(value) {
      var n = value.length;
      this._reserve(n * 5 + 5);
      var buf = this.buf, lenPos = this.pos, pos = lenPos + 1;
      for (var i = 0; i < n; ++i)
        pos = writeVarint32((value[i] << 1 ^ value[i] >> 31) >>> 0, buf, pos);
      return this._delim(lenPos, pos - lenPos - 1);
    };
    Writer.prototype.uint64s = function write_uint64s(value) {
      var n = value.length;
      this._reserve(n * 10 + 5);
      var buf = this.buf, lenPos = this.pos, pos = lenPos + 1;
      for (var i = 0; i < n; ++i) {
        pos = writeVarint64(LongBits.from(value[i]), buf, pos);
      }
      return this._delim(lenPos, pos - lenPos - 1);
    };
    Writer.prototype.int64s = Writer.prototype.uint64s;
    Writer.prototype.sint64s = function write_sint64s(value) {
      var n = value.length;
      this._reserve(n * 10 + 5);
      var buf = this.buf, lenPos = this.pos, pos = lenPos + 1;
      for (var i = 0; i < n; ++i) {
        pos = writeVarint64(LongBits.from(value[i]).zzEncode(), buf, pos);
      }
      return this._delim(lenPos, pos - lenPos - 1);
    };
    Writer.prototype.bools = function write_bools(value) {
      var n = value.length;
      this.uint32(n);
      this._reserve(n);
      var buf = this.buf, p = this.pos;
      for (var i = 0; i < n; ++i)
        buf[p++] = value[i] ? 1 : 0;
      this.pos += n;
      return this;
    };
    var VIEW_THRESHOLD_FLOAT = 16;
    var VIEW_THRESHOLD_INT = 128;
    function getLazyView(writer, count, threshold) {
      var view = writer.view;
      if (view || count < threshold)
        return view;
      var buf = writer.buf;
      return writer.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    Writer.prototype.fixed32s = function write_fixed32s(value) {
      var n = value.length, bytes2 = n * 4;
      this.uint32(bytes2);
      this._reserve(bytes2);
      var p = this.pos, i, dv = getLazyView(this, n, VIEW_THRESHOLD_INT);
      if (dv)
        for (i = 0; i < n; ++i) {
          dv.setUint32(p, value[i] >>> 0, true);
          p += 4;
        }
      else {
        var buf = this.buf;
        for (i = 0; i < n; ++i) {
          writeFixed32(value[i] >>> 0, buf, p);
          p += 4;
        }
      }
      this.pos += bytes2;
      return this;
    };
    Writer.prototype.sfixed32s = Writer.prototype.fixed32s;
    Writer.prototype.fixed64s = function write_fixed64s(value) {
      var n = value.length, bytes2 = n * 8;
      this.uint32(bytes2);
      this._reserve(bytes2);
      var p = this.pos, i, bits, dv = getLazyView(this, n, VIEW_THRESHOLD_INT);
      if (dv)
        for (i = 0; i < n; ++i) {
          bits = LongBits.from(value[i]);
          dv.setUint32(p, bits.lo, true);
          dv.setUint32(p + 4, bits.hi, true);
          p += 8;
        }
      else {
        var buf = this.buf;
        for (i = 0; i < n; ++i) {
          bits = LongBits.from(value[i]);
          writeFixed32(bits.lo, buf, p);
          writeFixed32(bits.hi, buf, p + 4);
          p += 8;
        }
      }
      this.pos += bytes2;
      return this;
    };
    Writer.prototype.sfixed64s = Writer.prototype.fixed64s;
    Writer.prototype.floats = function write_floats(value) {
      var n = value.length, bytes2 = n * 4;
      this.uint32(bytes2);
      this._reserve(bytes2);
      var p = this.pos, i, dv = getLazyView(this, n, VIEW_THRESHOLD_FLOAT);
      if (dv)
        for (i = 0; i < n; ++i) {
          dv.setFloat32(p, value[i], true);
          p += 4;
        }
      else {
        var buf = this.buf;
        for (i = 0; i < n; ++i) {
          util.float.writeFloatLE(value[i], buf, p);
          p += 4;
        }
      }
      this.pos += bytes2;
      return this;
    };
    Writer.prototype.doubles = function write_doubles(value) {
      var n = value.length, bytes2 = n * 8;
      this.uint32(bytes2);
      this._reserve(bytes2);
      var p = this.pos, i, dv = getLazyView(this, n, VIEW_THRESHOLD_FLOAT);
      if (dv)
        for (i = 0; i < n; ++i) {
          dv.setFloat64(p, value[i], true);
          p += 8;
        }
      else {
        var buf = this.buf;
        for (i = 0; i < n; ++i) {
          util.float.writeDoubleLE(value[i], buf, p);
          p += 8;
        }
      }
      this.pos += bytes2;
      return this;
    };
    Writer.prototype.fork = function fork() {
      this._reserve(1);
      (this.states || (this.states = [])).push(this.pos);
      this.pos += 1;
      return this;
    };
    Writer.prototype.reset = function reset() {
      var states = this.states;
      if (states && states.length) {
        this.pos = states.pop();
      } else {
        this.pos = 0;
      }
      return this;
    };
    Writer.prototype.ldelim = function ldelim() {
      var states = this.states, len, vlen;
      if (states && states.length) {
        var lenPos = states.pop();
        len = this.pos - lenPos - 1;
        vlen = sizeVarint32(len);
        if (vlen > 1) {
          this._reserve(vlen - 1);
          this.buf.copyWithin(lenPos + vlen, lenPos + 1, lenPos + 1 + len);
          this.pos += vlen - 1;
          writeVarint32(len, this.buf, lenPos);
        } else {
          this.buf[lenPos] = len;
        }
      } else {
        len = this.pos;
        vlen = sizeVarint32(len);
        this._reserve(vlen);
        this.buf.copyWithin(vlen, 0, len);
        writeVarint32(len, this.buf, 0);
        this.pos += vlen;
      }
      return this;
    };
    Writer.prototype.finish = function finish2(shared) {
      if (shared)
        return this.buf.subarray(0, this.pos);
      var buf = this.constructor.alloc(this.pos);
      buf.set(this.buf.subarray(0, this.pos), 0);
      return buf;
    };
    Writer.prototype.finishInto = function finishInto(buf, offset) {
      if (offset === void 0)
        offset = 0;
      buf.set(this.buf.subarray(0, this.pos), offset);
      return buf;
    };
    Writer._configure = function(BufferWriter_) {
      BufferWriter = BufferWriter_;
      Writer.create = create();
      BufferWriter._configure();
    };
  }
});

// node_modules/protobufjs/src/writer_buffer.js
var require_writer_buffer = __commonJS({
  "node_modules/protobufjs/src/writer_buffer.js"(exports, module) {
    "use strict";
    module.exports = BufferWriter;
    var Writer = require_writer();
    BufferWriter.prototype = Object.create(Writer.prototype, {
      constructor: {
        value: BufferWriter,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    var util = require_minimal();
    function BufferWriter() {
      Writer.call(this);
    }
    var writeStringBuffer;
    BufferWriter._configure = function() {
      BufferWriter.alloc = util.Buffer && util.Buffer.allocUnsafe;
      writeStringBuffer = util.Buffer && util.Buffer.prototype.utf8Write ? function writeStringBuffer_utf8Write(val, buf, pos) {
        return buf.utf8Write(val, pos);
      } : function writeStringBuffer_write(val, buf, pos) {
        return buf.write(val, pos);
      };
    };
    BufferWriter.prototype.bytes = function write_bytes_buffer(value) {
      if (util.isString(value))
        value = util.Buffer.from(value, "base64");
      var len = value.length >>> 0;
      this.uint32(len);
      if (len) {
        this._reserve(len);
        this.buf.set(value, this.pos);
        this.pos += len;
      }
      return this;
    };
    BufferWriter.prototype.string = function write_string_buffer(value) {
      var n = value.length;
      if (!n) {
        this._reserve(1);
        this.buf[this.pos++] = 0;
        return this;
      }
      if (n < 128) {
        this._reserve(n * 3 + 5);
        var pos = this.pos, buf = this.buf;
        return this._delim(
          pos,
          n < 40 ? util.utf8.write(value, buf, pos + 1) : writeStringBuffer(value, buf, pos + 1)
        );
      }
      var len = util.Buffer.byteLength(value);
      this.uint32(len);
      this._reserve(len);
      writeStringBuffer(value, this.buf, this.pos);
      this.pos += len;
      return this;
    };
    BufferWriter._configure();
  }
});

// node_modules/protobufjs/src/reader.js
var require_reader = __commonJS({
  "node_modules/protobufjs/src/reader.js"(exports, module) {
    "use strict";
    module.exports = Reader;
    var util = require_minimal();
    var BufferReader;
    var LongBits = util.LongBits;
    var utf82 = util.utf8;
    function indexOutOfRange(reader, writeLength) {
      return RangeError("index out of range: " + reader.pos + " + " + (writeLength || 1) + " > " + reader.len);
    }
    function Reader(buffer) {
      this.buf = buffer;
      this.pos = 0;
      this.len = buffer.length;
      this.view = null;
      this.discardUnknown = Reader.discardUnknown;
    }
    function create_array(buffer) {
      if (Array.isArray(buffer))
        buffer = new Uint8Array(buffer);
      if (buffer instanceof Uint8Array)
        return new Reader(buffer);
      throw Error("illegal buffer");
    }
    var create = function create2() {
      return util.Buffer ? function create_buffer_setup(buffer) {
        return (Reader.create = function create_buffer(buffer2) {
          return util.Buffer.isBuffer(buffer2) ? new BufferReader(buffer2) : create_array(buffer2);
        })(buffer);
      } : create_array;
    };
    Reader.create = create();
    Reader.prototype.raw = function read_raw(start, end) {
      return this.buf.subarray(start, end);
    };
    function readVarint32NearEnd(reader) {
      var value = 0;
      for (var i = 0; i < 4; ++i) {
        if (reader.pos >= reader.len)
          throw indexOutOfRange(reader);
        var b = reader.buf[reader.pos++];
        value = (value | (b & 127) << i * 7) >>> 0;
        if (b < 128)
          return value;
      }
      throw indexOutOfRange(reader);
    }
    Reader.prototype.uint32 = function read_uint32() {
      if (this.len - this.pos < 5) {
        if (this.pos >= this.len)
          throw indexOutOfRange(this);
        if (this.buf[this.pos] >= 128)
          return readVarint32NearEnd(this);
      }
      var buf = this.buf, pos = this.pos, value = (buf[pos] & 127) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 7) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 14) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 21) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 15) << 28) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      for (var i = 0; i < 5; ++i) {
        if (pos >= this.len) {
          this.pos = pos;
          throw indexOutOfRange(this);
        }
        if (buf[pos++] < 128) {
          this.pos = pos;
          return value;
        }
      }
      this.pos = pos;
      throw Error("invalid varint encoding");
    };
    Reader.prototype.tag = function read_tag() {
      if (this.len - this.pos < 5) {
        if (this.pos >= this.len)
          throw indexOutOfRange(this);
        if (this.buf[this.pos] >= 128)
          return readVarint32NearEnd(this);
      }
      var buf = this.buf, pos = this.pos, value = (buf[pos] & 127) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 7) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 14) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 21) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 15) << 28) >>> 0;
      if (buf[pos] < 128 && (buf[pos] & 112) === 0) {
        this.pos = pos + 1;
        return value;
      }
      this.pos = pos + 1;
      throw Error("invalid tag encoding");
    };
    Reader.prototype.size = function read_size() {
      if (this.len - this.pos < 5) {
        if (this.pos >= this.len)
          throw indexOutOfRange(this);
        if (this.buf[this.pos] >= 128)
          return readVarint32NearEnd(this);
      }
      var buf = this.buf, pos = this.pos, value = (buf[pos] & 127) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 7) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 14) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 21) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      this.pos = pos + 1;
      if (buf[pos] > 7)
        throw Error("invalid length encoding");
      return (value | buf[pos] << 28) >>> 0;
    };
    Reader.prototype.int32 = function read_int32() {
      return this.uint32() | 0;
    };
    Reader.prototype.sint32 = function read_sint32() {
      var value = this.uint32();
      return value >>> 1 ^ -(value & 1) | 0;
    };
    function readLongVarint() {
      var bits = new LongBits(0, 0);
      var i = 0;
      if (this.len - this.pos > 4) {
        for (; i < 4; ++i) {
          bits.lo = (bits.lo | (this.buf[this.pos] & 127) << i * 7) >>> 0;
          if (this.buf[this.pos++] < 128)
            return bits;
        }
        bits.lo = (bits.lo | (this.buf[this.pos] & 127) << 28) >>> 0;
        bits.hi = (bits.hi | (this.buf[this.pos] & 127) >> 4) >>> 0;
        if (this.buf[this.pos++] < 128)
          return bits;
        i = 0;
      } else {
        for (; i < 4; ++i) {
          if (this.pos >= this.len)
            throw indexOutOfRange(this);
          bits.lo = (bits.lo | (this.buf[this.pos] & 127) << i * 7) >>> 0;
          if (this.buf[this.pos++] < 128)
            return bits;
        }
        throw indexOutOfRange(this);
      }
      if (this.len - this.pos > 4) {
        for (; i < 5; ++i) {
          bits.hi = (bits.hi | (this.buf[this.pos] & 127) << i * 7 + 3) >>> 0;
          if (this.buf[this.pos++] < 128)
            return bits;
        }
      } else {
        for (; i < 5; ++i) {
          if (this.pos >= this.len)
            throw indexOutOfRange(this);
          bits.hi = (bits.hi | (this.buf[this.pos] & 127) << i * 7 + 3) >>> 0;
          if (this.buf[this.pos++] < 128)
            return bits;
        }
      }
      throw Error("invalid varint encoding");
    }
    Reader.prototype.bool = function read_bool() {
      var value = false, b;
      for (var i = 0; i < 10; ++i) {
        if (this.pos >= this.len)
          throw indexOutOfRange(this);
        b = this.buf[this.pos++];
        if (b & 127)
          value = true;
        if (b < 128)
          return value;
      }
      throw Error("invalid varint encoding");
    };
    function readFixed32_end(buf, end) {
      return (buf[end - 4] | buf[end - 3] << 8 | buf[end - 2] << 16 | buf[end - 1] << 24) >>> 0;
    }
    Reader.prototype.fixed32 = function read_fixed32() {
      if (this.pos + 4 > this.len)
        throw indexOutOfRange(this, 4);
      return readFixed32_end(this.buf, this.pos += 4);
    };
    Reader.prototype.sfixed32 = function read_sfixed32() {
      if (this.pos + 4 > this.len)
        throw indexOutOfRange(this, 4);
      return readFixed32_end(this.buf, this.pos += 4) | 0;
    };
    function readFixed64() {
      if (this.pos + 8 > this.len)
        throw indexOutOfRange(this, 8);
      return new LongBits(readFixed32_end(this.buf, this.pos += 4), readFixed32_end(this.buf, this.pos += 4));
    }
    Reader.prototype.float = function read_float() {
      if (this.pos + 4 > this.len)
        throw indexOutOfRange(this, 4);
      var value = util.float.readFloatLE(this.buf, this.pos);
      this.pos += 4;
      return value;
    };
    Reader.prototype.double = function read_double() {
      if (this.pos + 8 > this.len)
        throw indexOutOfRange(this, 4);
      var value = util.float.readDoubleLE(this.buf, this.pos);
      this.pos += 8;
      return value;
    };
    Reader.prototype.uint32s = function read_uint32s(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len, buf = this.buf, pos = this.pos, value;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (pos < end) {
        value = buf[pos++];
        if (value < 128)
          array.push(value);
        else {
          this.pos = pos - 1;
          array.push(this.uint32());
          pos = this.pos;
        }
      }
      this.pos = pos;
      if (pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    Reader.prototype.int32s = function read_int32s(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len, buf = this.buf, pos = this.pos, value;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (pos < end) {
        value = buf[pos++];
        if (value < 128)
          array.push(value);
        else {
          this.pos = pos - 1;
          array.push(this.int32());
          pos = this.pos;
        }
      }
      this.pos = pos;
      if (pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    Reader.prototype.sint32s = function read_sint32s(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (this.pos < end)
        array.push(this.sint32());
      if (this.pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    Reader.prototype.bools = function read_bools(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len, buf = this.buf, pos = this.pos, value;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (pos < end) {
        value = buf[pos++];
        if (value < 128)
          array.push(value !== 0);
        else {
          this.pos = pos - 1;
          array.push(this.bool());
          pos = this.pos;
        }
      }
      this.pos = pos;
      if (pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    var VIEW_THRESHOLD_FLOAT = 8;
    var VIEW_THRESHOLD_INT = 128;
    function getLazyView(reader, count, threshold) {
      var view = reader.view;
      if (view || count < threshold)
        return view;
      var buf = reader.buf;
      return reader.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    Reader.prototype.fixed32s = function read_fixed32s(array) {
      if (array === void 0) array = [];
      var len = this.size(), end = this.pos + len;
      if (end > this.len) throw indexOutOfRange(this, len);
      var count = len >>> 2, i = array.length, pos = this.pos;
      array.length = i + count;
      var dv = getLazyView(this, count, VIEW_THRESHOLD_INT);
      if (dv)
        for (var k = 0; k < count; ++k, pos += 4) array[i++] = dv.getUint32(pos, true);
      else {
        var buf = this.buf;
        for (var j = 0; j < count; ++j, pos += 4) array[i++] = readFixed32_end(buf, pos + 4);
      }
      this.pos = pos;
      if (pos !== end) throw indexOutOfRange(this, 4);
      return array;
    };
    Reader.prototype.sfixed32s = function read_sfixed32s(array) {
      if (array === void 0) array = [];
      var len = this.size(), end = this.pos + len;
      if (end > this.len) throw indexOutOfRange(this, len);
      var count = len >>> 2, i = array.length, pos = this.pos;
      array.length = i + count;
      var dv = getLazyView(this, count, VIEW_THRESHOLD_INT);
      if (dv)
        for (var k = 0; k < count; ++k, pos += 4) array[i++] = dv.getInt32(pos, true);
      else {
        var buf = this.buf;
        for (var j = 0; j < count; ++j, pos += 4) array[i++] = readFixed32_end(buf, pos + 4) | 0;
      }
      this.pos = pos;
      if (pos !== end) throw indexOutOfRange(this, 4);
      return array;
    };
    Reader.prototype.floats = function read_floats(array) {
      if (array === void 0) array = [];
      var len = this.size(), end = this.pos + len;
      if (end > this.len) throw indexOutOfRange(this, len);
      var count = len >>> 2, i = array.length, pos = this.pos;
      array.length = i + count;
      var dv = getLazyView(this, count, VIEW_THRESHOLD_FLOAT);
      if (dv)
        for (var k = 0; k < count; ++k, pos += 4) array[i++] = dv.getFloat32(pos, true);
      else {
        var buf = this.buf;
        for (var j = 0; j < count; ++j, pos += 4) array[i++] = util.float.readFloatLE(buf, pos);
      }
      this.pos = pos;
      if (pos !== end) throw indexOutOfRange(this, 4);
      return array;
    };
    Reader.prototype.doubles = function read_doubles(array) {
      if (array === void 0) array = [];
      var len = this.size(), end = this.pos + len;
      if (end > this.len) throw indexOutOfRange(this, len);
      var count = len >>> 3, i = array.length, pos = this.pos;
      array.length = i + count;
      var dv = getLazyView(this, count, VIEW_THRESHOLD_FLOAT);
      if (dv)
        for (var k = 0; k < count; ++k, pos += 8) array[i++] = dv.getFloat64(pos, true);
      else {
        var buf = this.buf;
        for (var j = 0; j < count; ++j, pos += 8) array[i++] = util.float.readDoubleLE(buf, pos);
      }
      this.pos = pos;
      if (pos !== end) throw indexOutOfRange(this, 8);
      return array;
    };
    Reader.prototype.uint64s = function read_uint64s(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (this.pos < end)
        array.push(this.uint64());
      if (this.pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    Reader.prototype.int64s = function read_int64s(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (this.pos < end)
        array.push(this.int64());
      if (this.pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    Reader.prototype.sint64s = function read_sint64s(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (this.pos < end)
        array.push(this.sint64());
      if (this.pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    Reader.prototype.fixed64s = function read_fixed64s(array) {
      if (array === void 0) array = [];
      var len = this.size(), end = this.pos + len, i = array.length;
      if (end > this.len) throw indexOutOfRange(this, len);
      var count = len >>> 3;
      array.length = i + count;
      for (var j = 0; j < count; ++j)
        array[i++] = this.fixed64();
      if (this.pos !== end) throw indexOutOfRange(this, 8);
      return array;
    };
    Reader.prototype.sfixed64s = function read_sfixed64s(array) {
      if (array === void 0) array = [];
      var len = this.size(), end = this.pos + len, i = array.length;
      if (end > this.len) throw indexOutOfRange(this, len);
      var count = len >>> 3;
      array.length = i + count;
      for (var j = 0; j < count; ++j)
        array[i++] = this.sfixed64();
      if (this.pos !== end) throw indexOutOfRange(this, 8);
      return array;
    };
    Reader.prototype.bytes = function read_bytes() {
      var length = this.size(), start = this.pos, end = this.pos + length;
      if (end > this.len)
        throw indexOutOfRange(this, length);
      this.pos = end;
      return this.raw(start, end);
    };
    Reader.prototype.string = function read_string() {
      var length = this.size(), start = this.pos, end = this.pos + length;
      if (end > this.len)
        throw indexOutOfRange(this, length);
      this.pos = end;
      return utf82.read(this.buf, start, end);
    };
    Reader.prototype.stringVerify = function read_string_verify() {
      var length = this.size(), start = this.pos, end = this.pos + length;
      if (end > this.len)
        throw indexOutOfRange(this, length);
      this.pos = end;
      return utf82.readStrict(this.buf, start, end);
    };
    Reader.prototype.skip = function skip(length) {
      if (typeof length === "number") {
        if (this.pos + length > this.len)
          throw indexOutOfRange(this, length);
        this.pos += length;
      } else {
        do {
          if (this.pos >= this.len)
            throw indexOutOfRange(this);
        } while (this.buf[this.pos++] & 128);
      }
      return this;
    };
    Reader.recursionLimit = util.recursionLimit;
    Reader.discardUnknown = true;
    Reader.prototype.skipType = function(wireType, depth, fieldNumber) {
      if (depth === void 0) depth = 0;
      if (depth > Reader.recursionLimit)
        throw Error("max depth exceeded");
      if (fieldNumber === 0)
        throw Error("illegal tag: field number 0");
      switch (wireType) {
        case 0:
          this.skip();
          break;
        case 1:
          this.skip(8);
          break;
        case 2:
          this.skip(this.size());
          break;
        case 3:
          while (true) {
            var tag2 = this.tag();
            var nestedField = tag2 >>> 3;
            wireType = tag2 & 7;
            if (!nestedField)
              throw Error("illegal tag: field number 0");
            if (wireType === 4) {
              if (fieldNumber !== void 0 && nestedField !== fieldNumber)
                throw Error("invalid end group tag");
              break;
            }
            this.skipType(wireType, depth + 1, nestedField);
          }
          break;
        case 5:
          this.skip(4);
          break;
        /* istanbul ignore next */
        default:
          throw Error("invalid wire type " + wireType + " at offset " + this.pos);
      }
      return this;
    };
    Reader._configure = function(BufferReader_) {
      BufferReader = BufferReader_;
      Reader.create = create();
      BufferReader._configure();
      var fn = util.Long ? "toLong" : (
        /* istanbul ignore next */
        "toNumber"
      );
      util.merge(Reader.prototype, {
        int64: function read_int64() {
          return readLongVarint.call(this)[fn](false);
        },
        uint64: function read_uint64() {
          return readLongVarint.call(this)[fn](true);
        },
        sint64: function read_sint64() {
          return readLongVarint.call(this).zzDecode()[fn](false);
        },
        fixed64: function read_fixed64() {
          return readFixed64.call(this)[fn](true);
        },
        sfixed64: function read_sfixed64() {
          return readFixed64.call(this)[fn](false);
        }
      });
    };
  }
});

// node_modules/protobufjs/src/reader_buffer.js
var require_reader_buffer = __commonJS({
  "node_modules/protobufjs/src/reader_buffer.js"(exports, module) {
    "use strict";
    module.exports = BufferReader;
    var Reader = require_reader();
    BufferReader.prototype = Object.create(Reader.prototype, {
      constructor: {
        value: BufferReader,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    var util = require_minimal();
    function BufferReader(buffer) {
      Reader.call(this, buffer);
    }
    BufferReader._configure = function() {
      if (util.Buffer)
        BufferReader.prototype._slice = util.Buffer.prototype.slice;
    };
    BufferReader.prototype.raw = function read_raw_buffer(start, end) {
      return this._slice.call(this.buf, start, end);
    };
    BufferReader.prototype.string = function read_string_buffer() {
      var len = this.size(), start = this.pos, end = this.pos + len;
      if (end > this.len)
        throw RangeError("index out of range: " + this.pos + " + " + len + " > " + this.len);
      this.pos = end;
      return this.buf.utf8Slice ? this.buf.utf8Slice(start, end) : this.buf.toString("utf-8", start, end);
    };
    BufferReader._configure();
  }
});

// node_modules/protobufjs/src/rpc/service.js
var require_service = __commonJS({
  "node_modules/protobufjs/src/rpc/service.js"(exports, module) {
    "use strict";
    module.exports = Service;
    var util = require_minimal();
    Service.prototype = Object.create(util.EventEmitter.prototype, {
      constructor: {
        value: Service,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    function Service(rpcImpl, requestDelimited, responseDelimited) {
      if (typeof rpcImpl !== "function")
        throw TypeError("rpcImpl must be a function");
      util.EventEmitter.call(this);
      this.rpcImpl = rpcImpl;
      this.requestDelimited = Boolean(requestDelimited);
      this.responseDelimited = Boolean(responseDelimited);
    }
    Service.prototype.rpcCall = function rpcCall(method, requestCtor, responseCtor, request, callback) {
      if (!request)
        throw TypeError("request must be specified");
      var self2 = this;
      if (!callback)
        return util.asPromise(rpcCall, self2, method, requestCtor, responseCtor, request);
      if (!self2.rpcImpl) {
        setTimeout(function() {
          callback(Error("already ended"));
        }, 0);
        return void 0;
      }
      try {
        return self2.rpcImpl(
          method,
          requestCtor[self2.requestDelimited ? "encodeDelimited" : "encode"](request).finish(),
          function rpcCallback(err, response) {
            if (err) {
              self2.emit("error", err, method);
              return callback(err);
            }
            if (response === null) {
              self2.end(
                /* endedByRPC */
                true
              );
              return void 0;
            }
            if (!(response instanceof responseCtor)) {
              try {
                response = responseCtor[self2.responseDelimited ? "decodeDelimited" : "decode"](response);
              } catch (err2) {
                self2.emit("error", err2, method);
                return callback(err2);
              }
            }
            self2.emit("data", response, method);
            return callback(null, response);
          }
        );
      } catch (err) {
        self2.emit("error", err, method);
        setTimeout(function() {
          callback(err);
        }, 0);
        return void 0;
      }
    };
    Service.prototype.end = function end(endedByRPC) {
      if (this.rpcImpl) {
        if (!endedByRPC)
          this.rpcImpl(null, null, null);
        this.rpcImpl = null;
        this.emit("end").off();
      }
      return this;
    };
  }
});

// node_modules/protobufjs/src/rpc.js
var require_rpc = __commonJS({
  "node_modules/protobufjs/src/rpc.js"(exports) {
    "use strict";
    var rpc = exports;
    rpc.Service = require_service();
  }
});

// node_modules/protobufjs/src/roots.js
var require_roots = __commonJS({
  "node_modules/protobufjs/src/roots.js"(exports, module) {
    "use strict";
    module.exports = /* @__PURE__ */ Object.create(null);
  }
});

// node_modules/protobufjs/src/index-minimal.js
var require_index_minimal = __commonJS({
  "node_modules/protobufjs/src/index-minimal.js"(exports) {
    "use strict";
    exports.build = "minimal";
    exports.Writer = require_writer();
    exports.BufferWriter = require_writer_buffer();
    exports.Reader = require_reader();
    exports.BufferReader = require_reader_buffer();
    exports.util = require_minimal();
    exports.rpc = require_rpc();
    exports.roots = require_roots();
    exports.configure = configure;
    function configure() {
      exports.util.LongBits._configure(exports.util.Long);
      exports.Writer._configure(exports.BufferWriter);
      exports.Reader._configure(exports.BufferReader);
    }
    configure();
  }
});

// node_modules/protobufjs/src/util/patterns.js
var require_patterns = __commonJS({
  "node_modules/protobufjs/src/util/patterns.js"(exports) {
    "use strict";
    var patterns = exports;
    patterns.numberRe = /^(?![eE])[0-9]*(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?$/;
    patterns.typeRefRe = /^(?:\.?[a-zA-Z_][a-zA-Z_0-9]*)(?:\.[a-zA-Z_][a-zA-Z_0-9]*)*$/;
    patterns.reservedRe = /^(?:do|if|in|for|let|new|try|var|case|else|enum|eval|false|null|this|true|void|with|break|catch|class|const|super|throw|while|yield|delete|export|import|public|return|static|switch|typeof|default|extends|finally|package|private|continue|debugger|function|arguments|interface|protected|implements|instanceof)$/;
  }
});

// node_modules/protobufjs/src/util/codegen.js
var require_codegen = __commonJS({
  "node_modules/protobufjs/src/util/codegen.js"(exports, module) {
    "use strict";
    module.exports = codegen;
    var patterns = require_patterns();
    var reservedRe = patterns.reservedRe;
    function codegen(functionParams, functionName) {
      if (typeof functionParams === "string") {
        functionName = functionParams;
        functionParams = void 0;
      }
      var body = [];
      function Codegen(formatStringOrScope) {
        if (typeof formatStringOrScope !== "string") {
          var source = toString();
          if (codegen.verbose)
            console.log("codegen: " + source);
          source = "return " + source;
          if (formatStringOrScope) {
            var scopeKeys = Object.keys(formatStringOrScope), scopeParams = new Array(scopeKeys.length + 1), scopeValues = new Array(scopeKeys.length), scopeOffset = 0;
            while (scopeOffset < scopeKeys.length) {
              scopeParams[scopeOffset] = scopeKeys[scopeOffset];
              scopeValues[scopeOffset] = formatStringOrScope[scopeKeys[scopeOffset++]];
            }
            scopeParams[scopeOffset] = source;
            return Function.apply(null, scopeParams).apply(null, scopeValues);
          }
          return Function(source)();
        }
        var formatParams = new Array(arguments.length - 1), formatOffset = 0;
        while (formatOffset < formatParams.length)
          formatParams[formatOffset] = arguments[++formatOffset];
        formatOffset = 0;
        formatStringOrScope = formatStringOrScope.replace(/%([%dfijs])/g, function replace($0, $1) {
          var value = formatParams[formatOffset++];
          switch ($1) {
            case "d":
            case "f":
              value = Number(value);
              return Object.is(value, -0) ? "-0" : String(value);
            case "i":
              return String(Math.floor(value));
            case "j":
              return JSON.stringify(value);
            case "s":
              return String(value);
          }
          return "%";
        });
        if (formatOffset !== formatParams.length)
          throw Error("parameter count mismatch");
        body.push(formatStringOrScope);
        return Codegen;
      }
      function toString(functionNameOverride) {
        return "function " + safeFunctionName(functionNameOverride || functionName) + "(" + (functionParams && functionParams.join(",") || "") + "){\n  " + body.join("\n  ") + "\n}";
      }
      Object.defineProperty(Codegen, "toString", {
        value: toString,
        writable: true,
        enumerable: true,
        configurable: true
      });
      return Codegen;
    }
    codegen.verbose = false;
    function safeFunctionName(name) {
      if (!name)
        return "";
      name = String(name).replace(/[^\w$]/g, "");
      if (!name)
        return "";
      if (/^\d/.test(name))
        name = "_" + name;
      return reservedRe.test(name) ? name + "_" : name;
    }
  }
});

// node_modules/protobufjs/src/util/fs.js
var require_fs = __commonJS({
  "node_modules/protobufjs/src/util/fs.js"(exports, module) {
    "use strict";
    var fs = null;
    try {
      fs = __require(
        /* webpackIgnore: true */
        "fs"
      );
      if (!fs || !fs.readFile || !fs.readFileSync)
        fs = null;
    } catch (e) {
    }
    module.exports = fs;
  }
});

// node_modules/protobufjs/src/util/fetch.js
var require_fetch = __commonJS({
  "node_modules/protobufjs/src/util/fetch.js"(exports, module) {
    "use strict";
    module.exports = fetch2;
    var asPromise = require_aspromise();
    var fs = require_fs();
    function fetch2(filename, options, callback) {
      if (typeof options === "function") {
        callback = options;
        options = {};
      } else if (!options)
        options = {};
      if (!callback)
        return asPromise(fetch2, this, filename, options);
      if (!options.xhr && fs && fs.readFile)
        return fs.readFile(filename, function fetchReadFileCallback(err, contents) {
          return err && typeof XMLHttpRequest !== "undefined" ? fetch2.xhr(filename, options, callback) : err ? callback(err) : callback(null, options.binary ? contents : contents.toString("utf8"));
        });
      return fetch2.xhr(filename, options, callback);
    }
    fetch2.xhr = function fetch_xhr(filename, options, callback) {
      var xhr = new XMLHttpRequest();
      xhr.onreadystatechange = function fetchOnReadyStateChange() {
        if (xhr.readyState !== 4)
          return void 0;
        if (xhr.status !== 0 && xhr.status !== 200)
          return callback(Error("status " + xhr.status));
        if (options.binary) {
          var buffer = xhr.response;
          if (!buffer) {
            buffer = [];
            for (var i = 0; i < xhr.responseText.length; ++i)
              buffer.push(xhr.responseText.charCodeAt(i) & 255);
          }
          return callback(null, typeof Uint8Array !== "undefined" ? new Uint8Array(buffer) : buffer);
        }
        return callback(null, xhr.responseText);
      };
      if (options.binary) {
        if ("overrideMimeType" in xhr)
          xhr.overrideMimeType("text/plain; charset=x-user-defined");
        xhr.responseType = "arraybuffer";
      }
      xhr.open("GET", filename);
      xhr.send();
    };
  }
});

// node_modules/protobufjs/src/util/path.js
var require_path = __commonJS({
  "node_modules/protobufjs/src/util/path.js"(exports) {
    "use strict";
    var path10 = exports;
    var urlRe = /^[a-zA-Z][a-zA-Z0-9+.-]+:\/\//;
    function normalizeUrl(path11) {
      if (typeof URL === "undefined" || !urlRe.test(path11))
        return null;
      try {
        return new URL(path11).href;
      } catch (e) {
        return null;
      }
    }
    function resolveUrl(originPath, includePath) {
      if (typeof URL === "undefined" || !urlRe.test(originPath) || urlRe.test(includePath))
        return null;
      try {
        return new URL(includePath, originPath).href;
      } catch (e) {
        return null;
      }
    }
    var isAbsolute = (
      /**
       * Tests if the specified path is absolute.
       * @param {string} path Path to test
       * @returns {boolean} `true` if path is absolute
       */
      path10.isAbsolute = function isAbsolute2(path11) {
        return /^(?:\/|\w+:|\\\\\w+)/.test(path11);
      }
    );
    var normalize = (
      /**
       * Normalizes the specified path.
       * @param {string} path Path to normalize
       * @returns {string} Normalized path
       */
      path10.normalize = function normalize2(path11) {
        var normalizedUrl = normalizeUrl(path11);
        if (normalizedUrl)
          return normalizedUrl;
        var firstTwoCharacters = path11.substring(0, 2);
        var uncPrefix = "";
        if (firstTwoCharacters === "\\\\") {
          uncPrefix = firstTwoCharacters;
          path11 = path11.substring(2);
        }
        path11 = path11.replace(/\\/g, "/").replace(/\/{2,}/g, "/");
        var parts = path11.split("/"), absolute = isAbsolute(path11), prefix = "";
        if (absolute)
          prefix = parts.shift() + "/";
        for (var i = 0; i < parts.length; ) {
          if (parts[i] === "..") {
            if (i > 0 && parts[i - 1] !== "..")
              parts.splice(--i, 2);
            else if (absolute)
              parts.splice(i, 1);
            else
              ++i;
          } else if (parts[i] === ".")
            parts.splice(i, 1);
          else
            ++i;
        }
        return uncPrefix + prefix + parts.join("/");
      }
    );
    path10.resolve = function resolve(originPath, includePath, alreadyNormalized) {
      var resolvedUrl = resolveUrl(originPath, includePath);
      if (resolvedUrl)
        return resolvedUrl;
      if (!alreadyNormalized)
        includePath = normalize(includePath);
      if (isAbsolute(includePath))
        return includePath;
      if (!alreadyNormalized)
        originPath = normalize(originPath);
      return (originPath = originPath.replace(/(?:\/|^)[^/]+$/, "")).length ? normalize(originPath + "/" + includePath) : includePath;
    };
  }
});

// node_modules/protobufjs/src/namespace.js
var require_namespace = __commonJS({
  "node_modules/protobufjs/src/namespace.js"(exports, module) {
    "use strict";
    module.exports = Namespace;
    var ReflectionObject = require_object();
    Namespace.prototype = Object.create(ReflectionObject.prototype, {
      constructor: {
        value: Namespace,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    Namespace.className = "Namespace";
    var Field = require_field();
    var util = require_util();
    var OneOf = require_oneof();
    var Type;
    var Service;
    var Enum;
    Namespace.fromJSON = function fromJSON(name, json, depth) {
      if (depth === void 0)
        depth = 0;
      if (depth > util.recursionLimit)
        throw Error("max depth exceeded");
      return new Namespace(name, json.options).addJSON(json.nested, depth);
    };
    function arrayToJSON(array, toJSONOptions) {
      if (!(array && array.length))
        return void 0;
      var obj = {};
      for (var i = 0; i < array.length; ++i)
        obj[array[i].name] = array[i].toJSON(toJSONOptions);
      return obj;
    }
    Namespace.arrayToJSON = arrayToJSON;
    Namespace.isReservedId = function isReservedId(reserved, id) {
      if (reserved) {
        for (var i = 0; i < reserved.length; ++i)
          if (typeof reserved[i] !== "string" && reserved[i][0] <= id && reserved[i][1] >= id)
            return true;
      }
      return false;
    };
    Namespace.isReservedName = function isReservedName(reserved, name) {
      if (reserved) {
        for (var i = 0; i < reserved.length; ++i)
          if (reserved[i] === name)
            return true;
      }
      return false;
    };
    function Namespace(name, options) {
      ReflectionObject.call(this, name, options);
      this.nested = void 0;
      this._nestedArray = null;
      this._lookupCache = /* @__PURE__ */ Object.create(null);
      this._needsRecursiveFeatureResolution = true;
      this._needsRecursiveResolve = true;
    }
    function clearCache(namespace) {
      namespace._nestedArray = null;
      namespace._lookupCache = /* @__PURE__ */ Object.create(null);
      var parent = namespace;
      while (parent = parent.parent) {
        parent._lookupCache = /* @__PURE__ */ Object.create(null);
      }
      return namespace;
    }
    Object.defineProperty(Namespace.prototype, "nestedArray", {
      get: function() {
        return this._nestedArray || (this._nestedArray = util.toArray(this.nested));
      }
    });
    Namespace.prototype.toJSON = function toJSON(toJSONOptions) {
      return util.toObject([
        "options",
        this.options,
        "nested",
        arrayToJSON(this.nestedArray, toJSONOptions)
      ]);
    };
    Namespace.prototype.addJSON = function addJSON(nestedJson, depth) {
      if (depth === void 0)
        depth = 0;
      if (depth > util.recursionLimit)
        throw Error("max depth exceeded");
      var ns = this;
      if (nestedJson) {
        for (var names = Object.keys(nestedJson), i = 0, nested; i < names.length; ++i) {
          nested = nestedJson[names[i]];
          ns.add(
            // most to least likely
            (nested.fields !== void 0 ? Type.fromJSON : nested.values !== void 0 ? Enum.fromJSON : nested.methods !== void 0 ? Service.fromJSON : nested.id !== void 0 ? Field.fromJSON : Namespace.fromJSON)(names[i], nested, depth + 1)
          );
        }
      }
      return this;
    };
    Namespace.prototype.get = function get(name) {
      return this.nested && Object.prototype.hasOwnProperty.call(this.nested, name) ? this.nested[name] : null;
    };
    Namespace.prototype.getEnum = function getEnum(name) {
      if (this.nested && Object.prototype.hasOwnProperty.call(this.nested, name) && this.nested[name] instanceof Enum)
        return this.nested[name].values;
      throw Error("no such enum: " + name);
    };
    Namespace.prototype.add = function add(object) {
      if (!(object instanceof Field && object.extend !== void 0 || object instanceof Type || object instanceof OneOf || object instanceof Enum || object instanceof Service || object instanceof Namespace))
        throw TypeError("object must be a valid nested object");
      if (object.name === "__proto__")
        return this;
      if (!this.nested)
        this.nested = {};
      else {
        var prev = this.get(object.name);
        if (prev) {
          if (prev instanceof Namespace && object instanceof Namespace && !(prev instanceof Type || prev instanceof Service)) {
            var nested = prev.nestedArray;
            for (var i = 0; i < nested.length; ++i)
              object.add(nested[i]);
            this.remove(prev);
            if (!this.nested)
              this.nested = {};
            object.setOptions(prev.options, true);
          } else
            throw Error("duplicate name '" + object.name + "' in " + this);
        }
      }
      this.nested[object.name] = object;
      if (!(this instanceof Type || this instanceof Service || this instanceof Enum || this instanceof Field)) {
        if (!object._edition) {
          object._edition = object._defaultEdition;
        }
      }
      this._needsRecursiveFeatureResolution = true;
      this._needsRecursiveResolve = true;
      var parent = this;
      while (parent = parent.parent) {
        parent._needsRecursiveFeatureResolution = true;
        parent._needsRecursiveResolve = true;
      }
      object.onAdd(this);
      return clearCache(this);
    };
    Namespace.prototype.remove = function remove(object) {
      if (!(object instanceof ReflectionObject))
        throw TypeError("object must be a ReflectionObject");
      if (object.parent !== this)
        throw Error(object + " is not a member of " + this);
      if (!util.remove(this.nested, object, object.name))
        throw Error(object + " is not a member of " + this);
      if (!Object.keys(this.nested).length)
        this.nested = void 0;
      object.onRemove(this);
      return clearCache(this);
    };
    Namespace.prototype.define = function define2(path10, json) {
      if (util.isString(path10))
        path10 = path10.split(".");
      else if (!Array.isArray(path10))
        throw TypeError("illegal path");
      if (path10 && path10.length && path10[0] === "")
        throw Error("path must be relative");
      if (path10.length > util.recursionLimit)
        throw Error("max depth exceeded");
      var ptr = this;
      while (path10.length > 0) {
        var part = path10.shift();
        if (ptr.nested && ptr.nested[part]) {
          ptr = ptr.nested[part];
          if (!(ptr instanceof Namespace))
            throw Error("path conflicts with non-namespace objects");
        } else
          ptr.add(ptr = new Namespace(part));
      }
      if (json)
        ptr.addJSON(json);
      return ptr;
    };
    Namespace.prototype.resolveAll = function resolveAll() {
      if (!this._needsRecursiveResolve) return this;
      if (this._needsRecursiveFeatureResolution)
        this._resolveFeaturesRecursive(this._edition);
      var nested = this.nestedArray, i = 0;
      this.resolve();
      while (i < nested.length)
        if (nested[i] instanceof Namespace)
          nested[i++].resolveAll();
        else
          nested[i++].resolve();
      this._needsRecursiveResolve = false;
      return this;
    };
    Namespace.prototype._resolveFeaturesRecursive = function _resolveFeaturesRecursive(edition) {
      if (!this._needsRecursiveFeatureResolution) return this;
      this._needsRecursiveFeatureResolution = false;
      edition = this._edition || edition;
      ReflectionObject.prototype._resolveFeaturesRecursive.call(this, edition);
      this.nestedArray.forEach((nested) => {
        nested._resolveFeaturesRecursive(edition);
      });
      return this;
    };
    Namespace.prototype.lookup = function lookup(path10, filterTypes, parentAlreadyChecked) {
      if (typeof filterTypes === "boolean") {
        parentAlreadyChecked = filterTypes;
        filterTypes = void 0;
      } else if (filterTypes && !Array.isArray(filterTypes))
        filterTypes = [filterTypes];
      if (util.isString(path10) && path10.length) {
        if (path10 === ".")
          return this.root;
        path10 = path10.split(".");
      } else if (!path10.length)
        return this;
      var flatPath = path10.join(".");
      if (path10[0] === "")
        return this.root.lookup(path10.slice(1), filterTypes);
      var found = this._lookupImpl(path10, flatPath);
      if (found && (!filterTypes || filterTypes.indexOf(found.constructor) > -1)) {
        return found;
      }
      found = this.root._fullyQualifiedObjects && this.root._fullyQualifiedObjects["." + flatPath];
      if (found && (!filterTypes || filterTypes.indexOf(found.constructor) > -1)) {
        return found;
      }
      if (parentAlreadyChecked)
        return null;
      var current = this;
      while (current.parent) {
        found = current.parent._lookupImpl(path10, flatPath);
        if (found && (!filterTypes || filterTypes.indexOf(found.constructor) > -1)) {
          return found;
        }
        current = current.parent;
      }
      return null;
    };
    Namespace.prototype._lookupImpl = function lookup(path10, flatPath) {
      if (Object.prototype.hasOwnProperty.call(this._lookupCache, flatPath)) {
        return this._lookupCache[flatPath];
      }
      var found = this.get(path10[0]);
      var exact = null;
      if (found) {
        if (path10.length === 1) {
          exact = found;
        } else if (found instanceof Namespace) {
          path10 = path10.slice(1);
          exact = found._lookupImpl(path10, path10.join("."));
        }
      } else {
        for (var i = 0; i < this.nestedArray.length; ++i)
          if (this._nestedArray[i] instanceof Namespace && (found = this._nestedArray[i]._lookupImpl(path10, flatPath))) {
            exact = found;
            break;
          }
      }
      this._lookupCache[flatPath] = exact;
      return exact;
    };
    Namespace.prototype.lookupType = function lookupType(path10) {
      var found = this.lookup(path10, [Type]);
      if (!found)
        throw Error("no such type: " + path10);
      return found;
    };
    Namespace.prototype.lookupEnum = function lookupEnum(path10) {
      var found = this.lookup(path10, [Enum]);
      if (!found)
        throw Error("no such Enum '" + path10 + "' in " + this);
      return found;
    };
    Namespace.prototype.lookupTypeOrEnum = function lookupTypeOrEnum(path10) {
      var found = this.lookup(path10, [Type, Enum]);
      if (!found)
        throw Error("no such Type or Enum '" + path10 + "' in " + this);
      return found;
    };
    Namespace.prototype.lookupService = function lookupService(path10) {
      var found = this.lookup(path10, [Service]);
      if (!found)
        throw Error("no such Service '" + path10 + "' in " + this);
      return found;
    };
    Namespace._configure = function(Type_, Service_, Enum_) {
      Type = Type_;
      Service = Service_;
      Enum = Enum_;
    };
  }
});

// node_modules/protobufjs/src/mapfield.js
var require_mapfield = __commonJS({
  "node_modules/protobufjs/src/mapfield.js"(exports, module) {
    "use strict";
    module.exports = MapField;
    var Field = require_field();
    MapField.prototype = Object.create(Field.prototype, {
      constructor: {
        value: MapField,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    MapField.className = "MapField";
    var types = require_types();
    var util = require_util();
    function MapField(name, id, keyType, type, options, comment) {
      Field.call(this, name, id, type, void 0, void 0, options, comment);
      if (!util.isString(keyType))
        throw TypeError("keyType must be a string");
      this.keyType = keyType;
      this.resolvedKeyType = null;
      this.map = true;
    }
    MapField.fromJSON = function fromJSON(name, json) {
      var field = new MapField(name, json.id, json.keyType, json.type, json.options, json.comment);
      if (json.protoName)
        field.protoName = json.protoName;
      if (json.jsonName !== void 0)
        field.jsonName = json.jsonName;
      else if (json.options && json.options.json_name !== void 0)
        field.jsonName = json.options.json_name;
      return field;
    };
    MapField.prototype.toJSON = function toJSON(toJSONOptions) {
      var keepComments = toJSONOptions ? Boolean(toJSONOptions.keepComments) : false;
      return util.toObject([
        "keyType",
        this.keyType,
        "type",
        this.type,
        "id",
        this.id,
        "extend",
        this.extend,
        "protoName",
        this.protoName !== this.name ? this.protoName : void 0,
        "jsonName",
        this.jsonName !== util.jsonName(this.protoName || this.name) ? this.jsonName : void 0,
        "options",
        this.options,
        "comment",
        keepComments ? this.comment : void 0
      ]);
    };
    MapField.prototype.resolve = function resolve() {
      if (this.resolved)
        return this;
      if (types.mapKey[this.keyType] === void 0)
        throw Error("invalid key type: " + this.keyType);
      return Field.prototype.resolve.call(this);
    };
    MapField.d = function decorateMapField(fieldId, fieldKeyType, fieldValueType) {
      if (typeof fieldValueType === "function")
        fieldValueType = util.decorateType(fieldValueType).name;
      else if (fieldValueType && typeof fieldValueType === "object")
        fieldValueType = util.decorateEnum(fieldValueType).name;
      return function mapFieldDecorator(prototype, fieldName) {
        util.decorateType(prototype.constructor).add(new MapField(fieldName, fieldId, fieldKeyType, fieldValueType));
      };
    };
  }
});

// node_modules/protobufjs/src/method.js
var require_method = __commonJS({
  "node_modules/protobufjs/src/method.js"(exports, module) {
    "use strict";
    module.exports = Method;
    var ReflectionObject = require_object();
    Method.prototype = Object.create(ReflectionObject.prototype, {
      constructor: {
        value: Method,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    Method.className = "Method";
    var util = require_util();
    function Method(name, type, requestType, responseType, requestStream, responseStream, options, comment, parsedOptions) {
      if (util.isObject(requestStream)) {
        options = requestStream;
        requestStream = responseStream = void 0;
      } else if (util.isObject(responseStream)) {
        options = responseStream;
        responseStream = void 0;
      }
      if (!(type === void 0 || util.isString(type)))
        throw TypeError("type must be a string");
      if (!util.isString(requestType))
        throw TypeError("requestType must be a string");
      if (!util.isString(responseType))
        throw TypeError("responseType must be a string");
      ReflectionObject.call(this, name, options);
      this.type = type || "rpc";
      this.requestType = requestType;
      this.requestStream = requestStream ? true : void 0;
      this.responseType = responseType;
      this.responseStream = responseStream ? true : void 0;
      this.path = "/" + this.name;
      this.resolvedRequestType = null;
      this.resolvedResponseType = null;
      this.comment = comment;
      this.parsedOptions = parsedOptions;
    }
    Method.fromJSON = function fromJSON(name, json) {
      return new Method(name, json.type, json.requestType, json.responseType, json.requestStream, json.responseStream, json.options, json.comment, json.parsedOptions);
    };
    Method.prototype.toJSON = function toJSON(toJSONOptions) {
      var keepComments = toJSONOptions ? Boolean(toJSONOptions.keepComments) : false;
      return util.toObject([
        "type",
        this.type !== "rpc" && /* istanbul ignore next */
        this.type || void 0,
        "requestType",
        this.requestType,
        "requestStream",
        this.requestStream,
        "responseType",
        this.responseType,
        "responseStream",
        this.responseStream,
        "options",
        this.options,
        "comment",
        keepComments ? this.comment : void 0,
        "parsedOptions",
        this.parsedOptions
      ]);
    };
    Method.prototype.resolve = function resolve() {
      if (this.resolved)
        return this;
      if (this.parent) {
        var serviceName = this.parent.fullName;
        if (serviceName.charAt(0) === ".")
          serviceName = serviceName.substring(1);
        this.path = "/" + serviceName + "/" + this.name;
      } else
        this.path = "/" + this.name;
      this.resolvedRequestType = this.parent.lookupType(this.requestType);
      this.resolvedResponseType = this.parent.lookupType(this.responseType);
      return ReflectionObject.prototype.resolve.call(this);
    };
  }
});

// node_modules/protobufjs/src/service.js
var require_service2 = __commonJS({
  "node_modules/protobufjs/src/service.js"(exports, module) {
    "use strict";
    module.exports = Service;
    var Namespace = require_namespace();
    Service.prototype = Object.create(Namespace.prototype, {
      constructor: {
        value: Service,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    Service.className = "Service";
    var Method = require_method();
    var util = require_util();
    var rpc = require_rpc();
    function Service(name, options) {
      Namespace.call(this, name, options);
      this.methods = {};
      this._methodsArray = null;
    }
    Service.fromJSON = function fromJSON(name, json, depth) {
      if (depth === void 0)
        depth = 0;
      if (depth > util.recursionLimit)
        throw Error("max depth exceeded");
      var service = new Service(name, json.options);
      if (json.methods)
        for (var names = Object.keys(json.methods), i = 0; i < names.length; ++i)
          service.add(Method.fromJSON(names[i], json.methods[names[i]]));
      if (json.nested)
        service.addJSON(json.nested, depth);
      if (json.edition)
        service._edition = json.edition;
      service.comment = json.comment;
      service._defaultEdition = "proto3";
      return service;
    };
    Service.prototype.toJSON = function toJSON(toJSONOptions) {
      var inherited = Namespace.prototype.toJSON.call(this, toJSONOptions);
      var keepComments = toJSONOptions ? Boolean(toJSONOptions.keepComments) : false;
      return util.toObject([
        "edition",
        this._editionToJSON(),
        "options",
        inherited && inherited.options || void 0,
        "methods",
        Namespace.arrayToJSON(this.methodsArray, toJSONOptions) || /* istanbul ignore next */
        {},
        "nested",
        inherited && inherited.nested || void 0,
        "comment",
        keepComments ? this.comment : void 0
      ]);
    };
    Object.defineProperty(Service.prototype, "methodsArray", {
      get: function() {
        return this._methodsArray || (this._methodsArray = util.toArray(this.methods));
      }
    });
    function clearCache(service) {
      service._methodsArray = null;
      return service;
    }
    Service.prototype.get = function get(name) {
      return Object.prototype.hasOwnProperty.call(this.methods, name) ? this.methods[name] : Namespace.prototype.get.call(this, name);
    };
    Service.prototype.resolveAll = function resolveAll() {
      if (!this._needsRecursiveResolve) return this;
      Namespace.prototype.resolve.call(this);
      var methods = this.methodsArray;
      for (var i = 0; i < methods.length; ++i)
        methods[i].resolve();
      return this;
    };
    Service.prototype._resolveFeaturesRecursive = function _resolveFeaturesRecursive(edition) {
      if (!this._needsRecursiveFeatureResolution) return this;
      edition = this._edition || edition;
      Namespace.prototype._resolveFeaturesRecursive.call(this, edition);
      this.methodsArray.forEach((method) => {
        method._resolveFeaturesRecursive(edition);
      });
      return this;
    };
    Service.prototype.add = function add(object) {
      if (this.get(object.name))
        throw Error("duplicate name '" + object.name + "' in " + this);
      if (object instanceof Method) {
        if (object.name === "__proto__")
          return this;
        this.methods[object.name] = object;
        object.parent = this;
        return clearCache(this);
      }
      return Namespace.prototype.add.call(this, object);
    };
    Service.prototype.remove = function remove(object) {
      if (object instanceof Method) {
        if (this.methods[object.name] !== object)
          throw Error(object + " is not a member of " + this);
        delete this.methods[object.name];
        object.parent = null;
        return clearCache(this);
      }
      return Namespace.prototype.remove.call(this, object);
    };
    Service.prototype.create = function create(rpcImpl, requestDelimited, responseDelimited) {
      var rpcService = new rpc.Service(rpcImpl, requestDelimited, responseDelimited);
      for (var i = 0, method; i < /* initializes */
      this.methodsArray.length; ++i) {
        var methodName = util.lcFirst((method = this._methodsArray[i]).resolve().name).replace(/[^$\w_]/g, "");
        rpcService[methodName] = /* @__PURE__ */ (function(method2, requestType, responseType) {
          return function rpcMethod(request, callback) {
            return rpc.Service.prototype.rpcCall.call(this, method2, requestType, responseType, request, callback);
          };
        })(method, method.resolvedRequestType.ctor, method.resolvedResponseType.ctor);
      }
      return rpcService;
    };
  }
});

// node_modules/protobufjs/src/message.js
var require_message = __commonJS({
  "node_modules/protobufjs/src/message.js"(exports, module) {
    "use strict";
    module.exports = Message;
    var util = require_minimal();
    function Message(properties) {
      if (properties) {
        for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
          if (properties[keys[i]] != null && keys[i] !== "__proto__")
            this[keys[i]] = properties[keys[i]];
      }
    }
    Message.create = function create(properties) {
      return this.$type.create(properties);
    };
    Message.encode = function encode(message, writer) {
      return this.$type.encode(message, writer);
    };
    Message.encodeDelimited = function encodeDelimited(message, writer) {
      return this.$type.encodeDelimited(message, writer);
    };
    Message.decode = function decode(reader) {
      return this.$type.decode(reader);
    };
    Message.decodeDelimited = function decodeDelimited(reader) {
      return this.$type.decodeDelimited(reader);
    };
    Message.verify = function verify(message) {
      return this.$type.verify(message);
    };
    Message.fromObject = function fromObject(object) {
      return this.$type.fromObject(object);
    };
    Message.toObject = function toObject(message, options) {
      return this.$type.toObject(message, options);
    };
    Message.prototype.toJSON = function toJSON() {
      return this.$type.toObject(this, util.toJSONOptions);
    };
  }
});

// node_modules/protobufjs/src/decoder.js
var require_decoder = __commonJS({
  "node_modules/protobufjs/src/decoder.js"(exports, module) {
    "use strict";
    module.exports = decoder;
    var Enum = require_enum();
    var types = require_types();
    var util = require_util();
    function missing(field) {
      return "missing required '" + field.name + "'";
    }
    function stringMethod(field) {
      return field._features.utf8_validation === "VERIFY" ? "stringVerify" : "string";
    }
    function genPreserveUnknown(gen, ref) {
      return gen("if(!r.discardUnknown){")('util.makeProp(m,"$unknowns",false);')("(m.$unknowns||(m.$unknowns=[])).push(%s)", ref)("}");
    }
    function decoder(mtype) {
      var hasMapField = false, needsValueVar = false, i = 0;
      for (; i < mtype.fieldsArray.length; ++i) {
        var pfield = mtype._fieldsArray[i];
        if (pfield.map)
          hasMapField = true;
        if (pfield.resolvedType instanceof Enum || !pfield.repeated && !pfield.map && !pfield.hasPresence)
          needsValueVar = true;
      }
      var gen = util.codegen(["r", "l", "z", "q", "g"])("if(!(r instanceof Reader))")("r=Reader.create(r)")("if(q===undefined)q=0")("if(q>Reader.recursionLimit)")('throw Error("max depth exceeded")')("var c,m" + (hasMapField ? ",k,v" : needsValueVar ? ",v" : ""))("if(l===undefined)")("c=r.len")("else{")("c=r.pos+l")("if(c>r.len)")('throw RangeError("index out of range")')("l=r.len")("r.len=c")("}")("m=g||new C")("while(r.pos<c){")("var s=r.pos")("var t=r.tag()")("if(t===z){")("z=undefined")("break")("}");
      if (mtype.fieldsArray.length) gen("var u=t&7")("switch(t>>>=3){");
      for (i = 0; i < /* initializes */
      mtype.fieldsArray.length; ++i) {
        var field = mtype._fieldsArray[i].resolve(), type = field.resolvedType instanceof Enum ? "int32" : field.type, ref = "m" + util.safeProp(field.name), closed = field.resolvedType instanceof Enum && field.resolvedType._features.enum_type === "CLOSED";
        if (field.map) {
          gen("case %i:{", field.id)("if(u!==2)")("break");
          if (!closed) gen("if(%s===util.emptyObject)", ref)("%s={}", ref);
          gen("var c2=r.size()+r.pos")("if(c2>r.len)")('throw RangeError("index out of range")')("r.len=c2");
          if (types.defaults[field.keyType] !== void 0) gen("k=%j", types.defaults[field.keyType]);
          else gen("k=null");
          if (types.long[type] !== void 0) gen("v=util.Long?util.Long.fromNumber(0,%j):0", type === "uint64" || type === "fixed64");
          else if (types.defaults[type] !== void 0) gen("v=%j", types.defaults[type]);
          else gen("v=null");
          gen("while(r.pos<c2){")("var t2=r.tag()")("u=t2&7")("switch(t2>>>=3){")("case 1:")("if(u!==%i)", types.mapKey[field.keyType])("break")("k=r.%s()", field.keyType === "string" ? stringMethod(field) : field.keyType)("continue")("case 2:")("if(u!==%i)", types.basic[type] === void 0 ? 2 : types.basic[type])("break");
          if (types.basic[type] === void 0) gen("v=types[%i].decode(r,r.size(),undefined,q+1,v)", i);
          else gen("v=r.%s()", type === "string" ? stringMethod(field) : type);
          gen("continue")("}")("r.skipType(u,q,t2)")("}");
          gen("if(r.pos!==c2)")('throw RangeError("index out of range")')("r.len=c");
          if (closed) {
            gen("if(types[%i].valuesById[v]===undefined){", i);
            genPreserveUnknown(gen, "r.raw(s,r.pos)")("continue")("}")("if(%s===util.emptyObject)", ref)("%s={}", ref);
          }
          var val = types.basic[type] === void 0 ? "v||new types[" + i + "].ctor" : "v";
          if (types.long[field.keyType] !== void 0) gen('%s[typeof k==="object"?util.longToHash(k):k]=%s', ref, val);
          else {
            if (field.keyType === "string") gen('if(k==="__proto__")')("util.makeProp(%s,k)", ref);
            gen("%s[k]=%s", ref, val);
          }
        } else if (field.repeated) {
          gen("case %i:", field.id)("{");
          if (types.packed[type] !== void 0) {
            gen("if(u===2){");
            if (closed) {
              gen("var c2=r.size()+r.pos")("if(c2>r.len)")('throw RangeError("index out of range")')("r.len=c2")("while(r.pos<c2){")("s=r.pos")("v=r.%s()", type)("if(types[%i].valuesById[v]!==undefined){", i)("if(!(%s&&%s.length))", ref, ref)("%s=[]", ref)("%s.push(v)", ref)("}else");
              genPreserveUnknown(gen, "util.rawField(" + field.id + ",0,r.raw(s,r.pos))")("}");
              gen("if(r.pos!==c2)")('throw RangeError("index out of range")')("r.len=c");
            } else gen("if(!(%s&&%s.length))", ref, ref)("%s=[]", ref)("r.%ss(%s)", type, ref);
            gen("continue")("}");
          }
          gen("if(u!==%i)", types.basic[type] === void 0 ? field.delimited ? 3 : 2 : types.basic[type])("break");
          if (!closed) gen("if(!(%s&&%s.length))", ref, ref)("%s=[]", ref);
          if (types.basic[type] === void 0) {
            if (field.delimited) gen("%s.push(types[%i].decode(r,undefined,%i,q+1))", ref, i, field.id * 8 + 4);
            else gen("%s.push(types[%i].decode(r,r.size(),undefined,q+1))", ref, i);
          } else if (closed) {
            gen("v=r.%s()", type)("if(types[%i].valuesById[v]!==undefined){", i)("if(!(%s&&%s.length))", ref, ref)("%s=[]", ref)("%s.push(v)", ref)("}else");
            genPreserveUnknown(gen, "r.raw(s,r.pos)");
          } else gen("%s.push(r.%s())", ref, type === "string" ? stringMethod(field) : type);
        } else if (types.basic[type] === void 0) {
          gen("case %i:{", field.id)("if(u!==%i)", field.delimited ? 3 : 2)("break");
          if (field.delimited) gen("%s=types[%i].decode(r,undefined,%i,q+1,%s)", ref, i, field.id * 8 + 4, ref);
          else gen("%s=types[%i].decode(r,r.size(),undefined,q+1,%s)", ref, i, ref);
        } else if (field.hasPresence) {
          gen("case %i:{", field.id)("if(u!==%i)", types.basic[type])("break");
          if (closed) {
            gen("v=r.%s()", type)("if(types[%i].valuesById[v]!==undefined){", i)("%s=v", ref);
            if (field.partOf) gen("m%s=%j", util.safeProp(field.partOf.name), field.name);
            gen("}else");
            genPreserveUnknown(gen, "r.raw(s,r.pos)");
          } else gen("%s=r.%s()", ref, type === "string" ? stringMethod(field) : type);
        } else {
          gen("case %i:{", field.id)("if(u!==%i)", types.basic[type])("break");
          if (closed) {
            gen("v=r.%s()", type)("if(types[%i].valuesById[v]!==undefined){", i)("if(v!==%j)", field.typeDefault)("%s=v", ref)("else")("delete %s", ref)("}else{");
            genPreserveUnknown(gen, "r.raw(s,r.pos)")("}");
          } else {
            if (field.resolvedType instanceof Enum && field.typeDefault !== 0) gen("if((v=r.%s())!==%j)", type, field.typeDefault);
            else if (type === "string") gen("if((v=r.%s()).length)", stringMethod(field));
            else if (type === "bytes") gen("if((v=r.%s()).length)", type);
            else if (types.long[type] !== void 0) gen('if(typeof(v=r.%s())==="object"?v.low||v.high:v!==0)', type);
            else if (type === "double" || type === "float") gen("if(!Object.is(v=r.%s(),0))", type);
            else gen("if(v=r.%s())", type);
            gen("%s=v", ref)("else")("delete %s", ref);
          }
        }
        if (field.partOf && !closed) gen("m%s=%j", util.safeProp(field.partOf.name), field.name);
        gen("continue")("}");
      }
      if (i) gen("}");
      gen("r.skipType(%s,q,t)", i ? "u" : "t&7");
      genPreserveUnknown(gen, "r.raw(s,r.pos)")("}")("if(l!==undefined){")("if(r.pos!==c)")('throw RangeError("index out of range")')("r.len=l")("}")("if(z!==undefined)")('throw Error("missing end group")');
      for (i = 0; i < mtype._fieldsArray.length; ++i) {
        var rfield = mtype._fieldsArray[i];
        if (rfield.required) gen("if(!Object.hasOwnProperty.call(m,%j))", rfield.name)("throw util.ProtocolError(%j,{instance:m})", missing(rfield));
      }
      return gen("return m");
    }
  }
});

// node_modules/protobufjs/src/verifier.js
var require_verifier = __commonJS({
  "node_modules/protobufjs/src/verifier.js"(exports, module) {
    "use strict";
    module.exports = verifier;
    var Enum = require_enum();
    var util = require_util();
    function invalid2(field, expected) {
      return field.name + ": " + expected + (field.repeated && expected !== "array" ? "[]" : field.map && expected !== "object" ? "{k:" + field.keyType + "}" : "") + " expected";
    }
    function genVerifyValue(gen, field, fieldIndex, ref) {
      var resolvedType = field.resolvedType;
      if (resolvedType) {
        if (resolvedType instanceof Enum) {
          if (resolvedType._features.enum_type === "CLOSED") {
            gen("switch(%s){", ref)("default:")("return%j", invalid2(field, "enum value"));
            for (var keys = Object.keys(resolvedType.values), j = 0; j < keys.length; ++j) gen("case %i:", resolvedType.values[keys[j]]);
            gen("break")("}");
          } else gen('if(typeof %s!=="number"||(%s|0)!==%s)', ref, ref, ref)("return%j", invalid2(field, "enum value"));
        } else {
          gen("{")("var e=types[%i].verify(%s,q+1);", fieldIndex, ref)("if(e)")("return%j+e", field.name + ".")("}");
        }
      } else {
        switch (field.type) {
          case "int32":
          case "uint32":
          case "sint32":
          case "fixed32":
          case "sfixed32":
            gen("if(!util.isInteger(%s))", ref)("return%j", invalid2(field, "integer"));
            break;
          case "int64":
          case "uint64":
          case "sint64":
          case "fixed64":
          case "sfixed64":
            gen("if(!util.isInteger(%s)&&!(%s&&util.isInteger(%s.low)&&util.isInteger(%s.high)))", ref, ref, ref, ref)("return%j", invalid2(field, "integer|Long"));
            break;
          case "float":
          case "double":
            gen('if(typeof %s!=="number")', ref)("return%j", invalid2(field, "number"));
            break;
          case "bool":
            gen('if(typeof %s!=="boolean")', ref)("return%j", invalid2(field, "boolean"));
            break;
          case "string":
            gen("if(!util.isString(%s))", ref)("return%j", invalid2(field, "string"));
            break;
          case "bytes":
            gen('if(!(%s&&typeof %s.length==="number"||util.isString(%s)))', ref, ref, ref)("return%j", invalid2(field, "buffer"));
            break;
        }
      }
      return gen;
    }
    function genVerifyKey(gen, field, ref) {
      switch (field.keyType) {
        case "int32":
        case "uint32":
        case "sint32":
        case "fixed32":
        case "sfixed32":
          gen("if(!util.key32Re.test(%s))", ref)("return%j", invalid2(field, "integer key"));
          break;
        case "int64":
        case "uint64":
        case "sint64":
        case "fixed64":
        case "sfixed64":
          gen("if(!util.key64Re.test(%s))", ref)("return%j", invalid2(field, "integer|Long key"));
          break;
        case "bool":
          gen("if(!util.key2Re.test(%s))", ref)("return%j", invalid2(field, "boolean key"));
          break;
      }
      return gen;
    }
    function verifier(mtype) {
      var gen = util.codegen(["m", "q"])('if(typeof m!=="object"||m===null)')("return%j", "object expected")("if(q===undefined)q=0")("if(q>util.recursionLimit)")("return%j", "max depth exceeded");
      var oneofs = mtype.oneofsArray, seenFirstField = {};
      if (oneofs.length) gen("var p={}");
      for (var i = 0; i < /* initializes */
      mtype.fieldsArray.length; ++i) {
        var field = mtype._fieldsArray[i].resolve(), ref = "m" + util.safeProp(field.name);
        if (field.optional) gen("if(%s!=null&&Object.hasOwnProperty.call(m,%j)){", ref, field.name);
        if (field.map) {
          gen("if(!util.isObject(%s))", ref)("return%j", invalid2(field, "object"))("var k=Object.keys(%s)", ref)("for(var i=0;i<k.length;++i){");
          genVerifyKey(gen, field, "k[i]");
          genVerifyValue(gen, field, i, ref + "[k[i]]")("}");
        } else if (field.repeated) {
          gen("if(!Array.isArray(%s))", ref)("return%j", invalid2(field, "array"))("for(var i=0;i<%s.length;++i){", ref);
          genVerifyValue(gen, field, i, ref + "[i]")("}");
        } else {
          if (field.partOf) {
            var oneofProp = util.safeProp(field.partOf.name);
            if (seenFirstField[field.partOf.name] === 1) gen("if(p%s===1)", oneofProp)("return%j", field.partOf.name + ": multiple values");
            seenFirstField[field.partOf.name] = 1;
            gen("p%s=1", oneofProp);
          }
          genVerifyValue(gen, field, i, ref);
        }
        if (field.optional) gen("}");
      }
      return gen("return null");
    }
  }
});

// node_modules/protobufjs/src/converter.js
var require_converter = __commonJS({
  "node_modules/protobufjs/src/converter.js"(exports) {
    "use strict";
    var converter = exports;
    var Enum = require_enum();
    var types = require_types();
    var util = require_util();
    function genValuePartial_fromObject(gen, field, fieldIndex, prop, dstProp) {
      if (field.resolvedType) {
        if (field.resolvedType instanceof Enum) {
          var dst = dstProp ? "m" + dstProp + "[m" + dstProp + ".length]" : "m" + prop;
          gen("switch(d%s){", prop);
          for (var values = field.resolvedType.values, keys = Object.keys(values), i = 0; i < keys.length; ++i) {
            gen("case%j:", keys[i])("case %i:", values[keys[i]])("%s=%j", dst, values[keys[i]])("break");
          }
          gen("default:");
          if (field.resolvedType._features.enum_type !== "CLOSED") {
            gen('if(typeof d%s==="number"&&(d%s|0)===d%s)', prop, prop, prop)("%s=d%s", dst, prop);
          }
          gen("}");
        } else gen("if(!util.isObject(d%s))", prop)("throw TypeError(%j)", field.fullName + ": object expected")("m%s=types[%i].fromObject(d%s,q+1)", prop, fieldIndex, prop);
      } else {
        var isUnsigned = false;
        switch (field.type) {
          case "double":
          case "float":
            gen("m%s=Number(d%s)", prop, prop);
            break;
          case "uint32":
          case "fixed32":
            gen("m%s=d%s>>>0", prop, prop);
            break;
          case "int32":
          case "sint32":
          case "sfixed32":
            gen("m%s=d%s|0", prop, prop);
            break;
          case "uint64":
          case "fixed64":
            isUnsigned = true;
          // eslint-disable-next-line no-fallthrough
          case "int64":
          case "sint64":
          case "sfixed64":
            gen("if(util.Long)")("m%s=util.Long.fromValue(d%s,%j)", prop, prop, isUnsigned)('else if(typeof d%s==="string")', prop)("m%s=parseInt(d%s,10)", prop, prop)('else if(typeof d%s==="number")', prop)("m%s=d%s", prop, prop)('else if(typeof d%s==="object")', prop)("m%s=new util.LongBits(d%s.low>>>0,d%s.high>>>0).toNumber(%s)", prop, prop, prop, isUnsigned ? "true" : "");
            break;
          case "bytes":
            gen('if(typeof d%s==="string")', prop)("util.base64.decode(d%s,m%s=util.newBuffer(util.base64.length(d%s)),0)", prop, prop, prop)("else if(d%s.length>=0)", prop)("m%s=d%s", prop, prop);
            break;
          case "string":
            gen("m%s=String(d%s)", prop, prop);
            break;
          case "bool":
            gen("m%s=Boolean(d%s)", prop, prop);
            break;
        }
      }
      return gen;
    }
    converter.fromObject = function fromObject(mtype) {
      var fields = mtype.fieldsArray;
      var gen = util.codegen(["d", "q"])("if(d instanceof C)")("return d")("if(!util.isObject(d))")("throw TypeError(%j)", mtype.fullName + ": object expected")("if(q===undefined)q=0")("if(q>util.recursionLimit)")('throw Error("max depth exceeded")');
      if (!fields.length) return gen("return new C");
      gen("var m=new C");
      for (var i = 0; i < fields.length; ++i) {
        var field = fields[i].resolve(), prop = util.safeProp(field.name), implicitPresence = !field.hasPresence && !field.repeated && !field.map && (field.resolvedType instanceof Enum || types.basic[field.type] !== void 0);
        if (field.map) {
          gen("if(d%s){", prop)("if(!util.isObject(d%s))", prop)("throw TypeError(%j)", field.fullName + ": object expected")("m%s={}", prop)("for(var ks=Object.keys(d%s),i=0;i<ks.length;++i){", prop);
          gen('if(ks[i]==="__proto__")')("util.makeProp(m%s,ks[i])", prop);
          genValuePartial_fromObject(
            gen,
            field,
            /* not sorted */
            i,
            prop + "[ks[i]]"
          )("}")("}");
        } else if (field.repeated) {
          gen("if(d%s){", prop)("if(!Array.isArray(d%s))", prop)("throw TypeError(%j)", field.fullName + ": array expected");
          if (field.resolvedType instanceof Enum) gen("m%s=[]", prop);
          else gen("m%s=Array(d%s.length)", prop, prop);
          gen("for(var i=0;i<d%s.length;++i){", prop);
          genValuePartial_fromObject(
            gen,
            field,
            /* not sorted */
            i,
            prop + "[i]",
            field.resolvedType instanceof Enum ? prop : void 0
          )("}")("}");
        } else {
          if (!(field.resolvedType instanceof Enum)) gen("if(d%s!=null){", prop);
          if (implicitPresence) {
            if (field.resolvedType instanceof Enum) gen('if(d%s!==%j&&(typeof d%s!=="string"||types[%i].values[d%s]!==%j)){', prop, field.typeDefault, prop, i, prop, field.typeDefault);
            else if (field.type === "string") gen('if(typeof d%s!=="string"||d%s.length){', prop, prop);
            else if (field.type === "bytes") gen("if(d%s.length){", prop);
            else if (field.type === "bool") gen("if(d%s){", prop);
            else if (field.type === "double" || field.type === "float") gen("if(!Object.is(Number(d%s),0)){", prop);
            else if (types.long[field.type] !== void 0) gen('if(typeof d%s==="object"?d%s.low||d%s.high:Number(d%s)!==0){', prop, prop, prop, prop);
            else gen("if(Number(d%s)!==0){", prop);
          }
          genValuePartial_fromObject(
            gen,
            field,
            /* not sorted */
            i,
            prop
          );
          if (implicitPresence) gen("}");
          if (!(field.resolvedType instanceof Enum)) gen("}");
        }
      }
      return gen("return m");
    };
    function genValuePartial_toObject(gen, field, fieldIndex, dstProp, srcProp) {
      if (!srcProp)
        srcProp = dstProp;
      if (field.resolvedType) {
        if (field.resolvedType instanceof Enum) gen("d%s=o.enums===String?(types[%i].values[m%s]===undefined?m%s:types[%i].values[m%s]):m%s", dstProp, fieldIndex, srcProp, srcProp, fieldIndex, srcProp, srcProp);
        else gen("d%s=types[%i].toObject(m%s,o,q+1)", dstProp, fieldIndex, srcProp);
      } else {
        var isUnsigned = false;
        switch (field.type) {
          case "double":
          case "float":
            gen("d%s=o.json&&!isFinite(m%s)?String(m%s):m%s", dstProp, srcProp, srcProp, srcProp);
            break;
          case "uint64":
          case "fixed64":
            isUnsigned = true;
          // eslint-disable-next-line no-fallthrough
          case "int64":
          case "sint64":
          case "sfixed64":
            gen('if(typeof BigInt!=="undefined"&&o.longs===BigInt)')('d%s=typeof m%s==="number"?BigInt(m%s):util.Long.fromBits(m%s.low>>>0,m%s.high>>>0,%j).toBigInt()', dstProp, srcProp, srcProp, srcProp, srcProp, isUnsigned)('else if(typeof m%s==="number")', srcProp)("d%s=o.longs===String?String(m%s):m%s", dstProp, srcProp, srcProp)("else")("d%s=o.longs===String?util.Long.prototype.toString.call(m%s):o.longs===Number?new util.LongBits(m%s.low>>>0,m%s.high>>>0).toNumber(%s):m%s", dstProp, srcProp, srcProp, srcProp, isUnsigned ? "true" : "", srcProp);
            break;
          case "bytes":
            gen("d%s=o.bytes===String?util.base64.encode(m%s,0,m%s.length):o.bytes===Array?Array.prototype.slice.call(m%s):m%s", dstProp, srcProp, srcProp, srcProp, srcProp);
            break;
          default:
            gen("d%s=m%s", dstProp, srcProp);
            break;
        }
      }
      return gen;
    }
    converter.toObject = function toObject(mtype) {
      var fields = mtype.fieldsArray.slice().sort(util.compareFieldsById);
      if (!fields.length)
        return util.codegen()("return {}");
      var gen = util.codegen(["m", "o", "q"])("if(!o)")("o={}")("if(q===undefined)q=0")("if(q>util.recursionLimit)")('throw Error("max depth exceeded")')("var d={}");
      var repeatedFields = [], mapFields = [], normalFields = [], i = 0;
      for (; i < fields.length; ++i)
        if (!fields[i].partOf)
          (fields[i].resolve().repeated ? repeatedFields : fields[i].map ? mapFields : normalFields).push(fields[i]);
      if (repeatedFields.length) {
        gen("if(o.arrays||o.defaults){");
        for (i = 0; i < repeatedFields.length; ++i) gen("d%s=[]", util.safeProp(repeatedFields[i].name));
        gen("}");
      }
      if (mapFields.length) {
        gen("if(o.objects||o.defaults){");
        for (i = 0; i < mapFields.length; ++i) gen("d%s={}", util.safeProp(mapFields[i].name));
        gen("}");
      }
      if (normalFields.length) {
        gen("if(o.defaults){");
        for (i = 0; i < normalFields.length; ++i) {
          var field = normalFields[i], prop = util.safeProp(field.name);
          if (field.resolvedType instanceof Enum) gen("d%s=o.enums===String?%j:%j", prop, field.resolvedType.valuesById[field.typeDefault], field.typeDefault);
          else if (field.long) gen("if(util.Long){")("var n=new util.Long(%i,%i,%j)", field.typeDefault.low, field.typeDefault.high, field.typeDefault.unsigned)('d%s=o.longs===String?n.toString():o.longs===Number?n.toNumber():typeof BigInt!=="undefined"&&o.longs===BigInt?n.toBigInt():n', prop)("}else")('d%s=o.longs===String?%j:typeof BigInt!=="undefined"&&o.longs===BigInt?BigInt(%j):%i', prop, field.typeDefault.toString(), field.typeDefault.toString(), field.typeDefault.toNumber());
          else if (field.bytes) {
            var arrayDefault = Array.prototype.slice.call(field.typeDefault);
            gen("if(o.bytes===String)d%s=%j", prop, util.base64.encode(field.typeDefault, 0, field.typeDefault.length))("else{")("d%s=%j", prop, arrayDefault)("if(o.bytes!==Array)d%s=util.newBuffer(d%s)", prop, prop)("}");
          } else if ((field.type === "double" || field.type === "float") && typeof field.typeDefault === "number" && (!isFinite(field.typeDefault) || Object.is(field.typeDefault, -0))) gen("d%s=%f", prop, field.typeDefault)("if(o.json&&!isFinite(d%s))d%s=String(d%s)", prop, prop, prop);
          else gen("d%s=%j", prop, field.typeDefault);
        }
        gen("}");
      }
      var hasKs2 = false;
      for (i = 0; i < fields.length; ++i) {
        var field = fields[i], index = mtype._fieldsArray.indexOf(field), prop = util.safeProp(field.name);
        if (field.map) {
          if (!hasKs2) {
            hasKs2 = true;
            gen("var ks2");
          }
          gen("if(m%s&&(ks2=Object.keys(m%s)).length){", prop, prop)("d%s={}", prop);
          var longKey = types.long[field.keyType] !== void 0, srcProp = prop + "[ks2[j]]";
          gen("for(var j=0;j<ks2.length;++j){");
          if (longKey) gen("var k2=util.longFromKey(ks2[j],%j).toString()", field.keyType === "uint64" || field.keyType === "fixed64");
          gen('if(ks2[j]==="__proto__")')("util.makeProp(d%s,ks2[j])", prop);
          genValuePartial_toObject(
            gen,
            field,
            /* sorted */
            index,
            longKey ? prop + "[k2]" : srcProp,
            srcProp
          )("}");
        } else if (field.repeated) {
          gen("if(m%s&&m%s.length){", prop, prop)("d%s=Array(m%s.length)", prop, prop)("for(var j=0;j<m%s.length;++j){", prop);
          genValuePartial_toObject(
            gen,
            field,
            /* sorted */
            index,
            prop + "[j]"
          )("}");
        } else {
          gen("if(m%s!=null&&Object.hasOwnProperty.call(m,%j)){", prop, field.name);
          genValuePartial_toObject(
            gen,
            field,
            /* sorted */
            index,
            prop
          );
          if (field.partOf && !field.partOf.isProto3Optional) gen("if(o.oneofs)")("d%s=%j", util.safeProp(field.partOf.name), field.name);
        }
        gen("}");
      }
      return gen("return d");
    };
  }
});

// node_modules/protobufjs/src/wrappers.js
var require_wrappers = __commonJS({
  "node_modules/protobufjs/src/wrappers.js"(exports) {
    "use strict";
    var wrappers = exports;
    var Message = require_message();
    var util = require_minimal();
    wrappers[".google.protobuf.Any"] = {
      fromObject: function(object, depth) {
        if (depth === void 0)
          depth = 0;
        if (depth > util.recursionLimit)
          throw Error("max depth exceeded");
        if (object && object["@type"]) {
          var name = object["@type"].substring(object["@type"].lastIndexOf("/") + 1);
          var type = this.lookup(name, [this.constructor]);
          if (type) {
            var type_url = object["@type"].charAt(0) === "." ? object["@type"].slice(1) : object["@type"];
            if (type_url.indexOf("/") === -1) {
              type_url = "/" + type_url;
            }
            return this.create({
              type_url,
              value: type.encode(type.fromObject(object, depth + 1)).finish()
            });
          }
        }
        return this.fromObject(object, depth);
      },
      toObject: function(message, options, depth) {
        if (depth === void 0)
          depth = 0;
        if (depth > util.recursionLimit)
          throw Error("max depth exceeded");
        var googleApi = "type.googleapis.com/";
        var prefix = "";
        var name = "";
        if (options && options.json && message.type_url && message.value) {
          name = message.type_url.substring(message.type_url.lastIndexOf("/") + 1);
          prefix = message.type_url.substring(0, message.type_url.lastIndexOf("/") + 1);
          var type = this.lookup(name, [this.constructor]);
          if (type)
            message = type.decode(message.value, void 0, void 0, depth + 1);
        }
        if (!(message instanceof this.ctor) && message instanceof Message) {
          var object = message.$type.toObject(message, options, depth + 1);
          var messageName = message.$type.fullName[0] === "." ? message.$type.fullName.slice(1) : message.$type.fullName;
          if (prefix === "") {
            prefix = googleApi;
          }
          name = prefix + messageName;
          object["@type"] = name;
          return object;
        }
        return this.toObject(message, options, depth);
      }
    };
  }
});

// node_modules/protobufjs/src/type.js
var require_type = __commonJS({
  "node_modules/protobufjs/src/type.js"(exports, module) {
    "use strict";
    module.exports = Type;
    var Namespace = require_namespace();
    Type.prototype = Object.create(Namespace.prototype, {
      constructor: {
        value: Type,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    Type.className = "Type";
    var Enum = require_enum();
    var OneOf = require_oneof();
    var Field = require_field();
    var MapField = require_mapfield();
    var Service = require_service2();
    var Message = require_message();
    var Reader = require_reader();
    var Writer = require_writer();
    var util = require_util();
    var encoder = require_encoder();
    var decoder = require_decoder();
    var verifier = require_verifier();
    var converter = require_converter();
    var wrappers = require_wrappers();
    function Type(name, options) {
      name = name.replace(/\W/g, "");
      Namespace.call(this, name, options);
      this.fields = {};
      this.oneofs = void 0;
      this.extensions = void 0;
      this.reserved = void 0;
      this.group = void 0;
      this.visibility = void 0;
      this._fieldsById = null;
      this._fieldsArray = null;
      this._oneofsArray = null;
      this._ctor = null;
      this._fieldsByJsonName = null;
    }
    Object.defineProperties(Type.prototype, {
      /**
       * Message fields by id.
       * @name Type#fieldsById
       * @type {Object.<number,Field>}
       * @readonly
       */
      fieldsById: {
        get: function() {
          if (this._fieldsById)
            return this._fieldsById;
          this._fieldsById = {};
          for (var names = Object.keys(this.fields), i = 0; i < names.length; ++i) {
            var field = this.fields[names[i]], id = field.id;
            if (this._fieldsById[id])
              throw Error("duplicate id " + id + " in " + this);
            this._fieldsById[id] = field;
          }
          return this._fieldsById;
        }
      },
      /**
       * Fields of this message as an array for iteration.
       * @name Type#fieldsArray
       * @type {Field[]}
       * @readonly
       */
      fieldsArray: {
        get: function() {
          return this._fieldsArray || (this._fieldsArray = util.toArray(this.fields));
        }
      },
      /**
       * Oneofs of this message as an array for iteration.
       * @name Type#oneofsArray
       * @type {OneOf[]}
       * @readonly
       */
      oneofsArray: {
        get: function() {
          return this._oneofsArray || (this._oneofsArray = util.toArray(this.oneofs));
        }
      },
      /**
       * The registered constructor, if any registered, otherwise a generic constructor.
       * Assigning a function replaces the internal constructor. If the function does not extend {@link Message} yet, its prototype will be setup accordingly and static methods will be populated. If it already extends {@link Message}, it will just replace the internal constructor.
       * When assigning manually, add the type to its parent namespace/root first if fields reference other reflected types, because constructor setup resolves field defaults.
       * @name Type#ctor
       * @type {Constructor<{}>}
       */
      ctor: {
        get: function() {
          return this._ctor || (this.ctor = Type.generateConstructor(this)());
        },
        set: function(ctor) {
          var prototype = ctor.prototype;
          if (!(prototype instanceof Message)) {
            ctor.prototype = new Message();
            Object.defineProperty(ctor.prototype, "constructor", {
              value: ctor,
              writable: true,
              enumerable: false,
              configurable: true
            });
            util.merge(ctor.prototype, prototype);
          }
          ctor.$type = ctor.prototype.$type = this;
          util.merge(ctor, Message, true);
          this._ctor = ctor;
          delete this.decode;
          delete this.fromObject;
          var i = 0;
          for (var field; i < /* initializes */
          this.fieldsArray.length; ++i) {
            field = this._fieldsArray[i].resolve();
            ctor.prototype[field.name] = field.defaultValue;
          }
          var ctorProperties = {};
          for (i = 0; i < /* initializes */
          this.oneofsArray.length; ++i)
            ctorProperties[this._oneofsArray[i].resolve().name] = {
              get: util.oneOfGetter(this._oneofsArray[i].oneof),
              set: util.oneOfSetter(this._oneofsArray[i].oneof)
            };
          if (i)
            Object.defineProperties(ctor.prototype, ctorProperties);
        }
      }
    });
    Type.generateConstructor = function generateConstructor(mtype) {
      var gen = util.codegen(["p"]);
      for (var i = 0, field; i < mtype.fieldsArray.length; ++i)
        if ((field = mtype._fieldsArray[i]).map) gen("this%s={}", util.safeProp(field.name));
        else if (field.repeated) gen("this%s=[]", util.safeProp(field.name));
      return gen('if(p)for(var ks=Object.keys(p),i=0;i<ks.length;++i)if(p[ks[i]]!=null&&ks[i]!=="__proto__")')("this[ks[i]]=p[ks[i]]");
    };
    function clearCache(type) {
      type._fieldsById = type._fieldsArray = type._oneofsArray = type._fieldsByJsonName = null;
      delete type.encode;
      delete type.decode;
      delete type.verify;
      return type;
    }
    Type.fromJSON = function fromJSON(name, json, depth) {
      if (depth === void 0)
        depth = 0;
      if (depth > util.nestingLimit)
        throw Error("max depth exceeded");
      var type = new Type(name, json.options);
      type.extensions = json.extensions;
      type.reserved = json.reserved;
      var names = Object.keys(json.fields), i = 0;
      for (; i < names.length; ++i)
        type.add(
          (typeof json.fields[names[i]].keyType !== "undefined" ? MapField.fromJSON : Field.fromJSON)(names[i], json.fields[names[i]])
        );
      if (json.oneofs)
        for (names = Object.keys(json.oneofs), i = 0; i < names.length; ++i)
          type.add(OneOf.fromJSON(names[i], json.oneofs[names[i]]));
      if (json.nested)
        for (names = Object.keys(json.nested), i = 0; i < names.length; ++i) {
          var nested = json.nested[names[i]];
          type.add(
            // most to least likely
            (nested.id !== void 0 ? Field.fromJSON : nested.fields !== void 0 ? Type.fromJSON : nested.values !== void 0 ? Enum.fromJSON : nested.methods !== void 0 ? Service.fromJSON : Namespace.fromJSON)(names[i], nested, depth + 1)
          );
        }
      if (json.extensions && json.extensions.length)
        type.extensions = json.extensions;
      if (json.reserved && json.reserved.length)
        type.reserved = json.reserved;
      if (json.group)
        type.group = true;
      if (json.visibility)
        type.visibility = json.visibility;
      if (json.comment)
        type.comment = json.comment;
      if (json.edition)
        type._edition = json.edition;
      type._defaultEdition = "proto3";
      return type;
    };
    Type.prototype.toJSON = function toJSON(toJSONOptions) {
      var inherited = Namespace.prototype.toJSON.call(this, toJSONOptions);
      var keepComments = toJSONOptions ? Boolean(toJSONOptions.keepComments) : false;
      return util.toObject([
        "edition",
        this._editionToJSON(),
        "options",
        inherited && inherited.options || void 0,
        "oneofs",
        Namespace.arrayToJSON(this.oneofsArray, toJSONOptions),
        "fields",
        Namespace.arrayToJSON(this.fieldsArray.filter(function(obj) {
          return !obj.declaringField;
        }), toJSONOptions) || {},
        "extensions",
        this.extensions && this.extensions.length ? this.extensions : void 0,
        "reserved",
        this.reserved && this.reserved.length ? this.reserved : void 0,
        "group",
        this.group || void 0,
        "visibility",
        this.visibility,
        "nested",
        inherited && inherited.nested || void 0,
        "comment",
        keepComments ? this.comment : void 0
      ]);
    };
    Type.prototype.resolveAll = function resolveAll() {
      if (!this._needsRecursiveResolve) return this;
      Namespace.prototype.resolveAll.call(this);
      var oneofs = this.oneofsArray;
      i = 0;
      while (i < oneofs.length)
        oneofs[i++].resolve();
      var fields = this.fieldsArray, i = 0;
      while (i < fields.length)
        fields[i++].resolve();
      return this;
    };
    Type.prototype._resolveFeaturesRecursive = function _resolveFeaturesRecursive(edition) {
      if (!this._needsRecursiveFeatureResolution) return this;
      edition = this._edition || edition;
      Namespace.prototype._resolveFeaturesRecursive.call(this, edition);
      this.oneofsArray.forEach((oneof) => {
        oneof._resolveFeatures(edition);
      });
      this.fieldsArray.forEach((field) => {
        field._resolveFeatures(edition);
      });
      return this;
    };
    Type.prototype.get = function get(name) {
      if (Object.prototype.hasOwnProperty.call(this.fields, name))
        return this.fields[name];
      if (this.oneofs && Object.prototype.hasOwnProperty.call(this.oneofs, name))
        return this.oneofs[name];
      if (this.nested && Object.prototype.hasOwnProperty.call(this.nested, name))
        return this.nested[name];
      return null;
    };
    Type.prototype.add = function add(object) {
      if (this.get(object.name))
        throw Error("duplicate name '" + object.name + "' in " + this);
      if (object instanceof Field && object.extend === void 0) {
        if (this._fieldsById ? (
          /* istanbul ignore next */
          this._fieldsById[object.id]
        ) : this.fieldsById[object.id])
          throw Error("duplicate id " + object.id + " in " + this);
        if (this.isReservedId(object.id))
          throw Error("id " + object.id + " is reserved in " + this);
        if (this.isReservedName(object.name) || object.name.charAt(0) === "$")
          throw Error("name '" + object.name + "' is reserved in " + this);
        if (object.name === "__proto__")
          return this;
        if (object.parent)
          object.parent.remove(object);
        this.fields[object.name] = object;
        object.message = this;
        object.onAdd(this);
        return clearCache(this);
      }
      if (object instanceof OneOf) {
        if (object.name.charAt(0) === "$")
          throw Error("name '" + object.name + "' is reserved in " + this);
        if (object.name === "__proto__")
          return this;
        if (!this.oneofs)
          this.oneofs = {};
        this.oneofs[object.name] = object;
        object.onAdd(this);
        return clearCache(this);
      }
      return Namespace.prototype.add.call(this, object);
    };
    Type.prototype.remove = function remove(object) {
      if (object instanceof Field && object.extend === void 0) {
        if (!util.remove(this.fields, object, object.name))
          throw Error(object + " is not a member of " + this);
        object.parent = null;
        object.onRemove(this);
        return clearCache(this);
      }
      if (object instanceof OneOf) {
        if (!util.remove(this.oneofs, object, object.name))
          throw Error(object + " is not a member of " + this);
        object.parent = null;
        object.onRemove(this);
        return clearCache(this);
      }
      return Namespace.prototype.remove.call(this, object);
    };
    Type.prototype.isReservedId = function isReservedId(id) {
      return Namespace.isReservedId(this.reserved, id);
    };
    Type.prototype.isReservedName = function isReservedName(name) {
      return Namespace.isReservedName(this.reserved, name);
    };
    Type.prototype.create = function create(properties) {
      return new this.ctor(properties);
    };
    Type.prototype.setup = function setup() {
      var root2 = this.root;
      if (root2 && root2._needsRecursiveFeatureResolution) {
        var edition = root2._edition || this._edition;
        if (edition)
          root2._resolveFeaturesRecursive(edition);
      }
      var fullName = this.fullName, types = [];
      for (var i = 0; i < /* initializes */
      this.fieldsArray.length; ++i)
        types.push(this._fieldsArray[i].resolve().resolvedType);
      this.encode = encoder(this)({
        Writer,
        types,
        util
      });
      this.decode = decoder(this)({
        Reader,
        types,
        util,
        C: this.ctor
      });
      this.verify = verifier(this)({
        types,
        util
      });
      this.fromObject = converter.fromObject(this)({
        types,
        util,
        C: this.ctor
      });
      this.toObject = converter.toObject(this)({
        types,
        util
      });
      var wrapper = wrappers[fullName];
      if (wrapper) {
        var wrapperThis = Object.create(this);
        wrapperThis._ctor = this.ctor;
        wrapperThis.fromObject = this.fromObject;
        this.fromObject = wrapper.fromObject.bind(wrapperThis);
        wrapperThis.toObject = this.toObject;
        this.toObject = wrapper.toObject.bind(wrapperThis);
      }
      return this;
    };
    Type.prototype.encode = function encode_setup(message, writer) {
      return this.setup().encode.apply(this, arguments);
    };
    Type.prototype.encodeDelimited = function encodeDelimited(message, writer) {
      return this.encode(message, (writer || Writer.create()).fork()).ldelim();
    };
    Type.prototype.decode = function decode_setup(reader, length) {
      return this.setup().decode.apply(this, arguments);
    };
    Type.prototype.decodeDelimited = function decodeDelimited(reader) {
      if (!(reader instanceof Reader))
        reader = Reader.create(reader);
      return this.decode(reader, reader.size());
    };
    Type.prototype.verify = function verify_setup(message) {
      return this.setup().verify.apply(this, arguments);
    };
    Type.prototype.fromObject = function fromObject(object) {
      return this.setup().fromObject.apply(this, arguments);
    };
    Type.prototype.toObject = function toObject(message, options) {
      return this.setup().toObject.apply(this, arguments);
    };
    Type.prototype.getTypeUrl = function getTypeUrl(prefix) {
      if (prefix === void 0)
        prefix = "type.googleapis.com";
      var fullName = this.fullName;
      return prefix + "/" + (fullName.charAt(0) === "." ? fullName.substring(1) : fullName);
    };
    Type.d = function decorateType(typeName) {
      return function typeDecorator(target) {
        util.decorateType(target, typeName);
      };
    };
  }
});

// node_modules/protobufjs/src/root.js
var require_root = __commonJS({
  "node_modules/protobufjs/src/root.js"(exports, module) {
    "use strict";
    module.exports = Root;
    var Namespace = require_namespace();
    Root.prototype = Object.create(Namespace.prototype, {
      constructor: {
        value: Root,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    Root.className = "Root";
    var Field = require_field();
    var Enum = require_enum();
    var OneOf = require_oneof();
    var util = require_util();
    var Type;
    var parse;
    var common;
    function Root(options) {
      Namespace.call(this, "", options);
      this.deferred = [];
      this.files = [];
      this._edition = "proto2";
      this._fullyQualifiedObjects = {};
    }
    Root.fromJSON = function fromJSON(json, root2, depth) {
      if (depth === void 0)
        depth = 0;
      if (depth > util.recursionLimit)
        throw Error("max depth exceeded");
      if (!root2)
        root2 = new Root();
      if (json.options)
        root2.setOptions(json.options);
      return root2.addJSON(json.nested, depth).resolveAll();
    };
    Root.prototype.resolvePath = util.path.resolve;
    Root.prototype.fetch = util.fetch;
    function SYNC() {
    }
    Root.prototype.load = function load3(filename, options, callback) {
      if (typeof options === "function") {
        callback = options;
        options = void 0;
      }
      var self2 = this;
      if (!callback) {
        return util.asPromise(load3, self2, filename, options);
      }
      var sync = callback === SYNC;
      function finish2(err, root2) {
        if (!callback) {
          return;
        }
        if (sync) {
          throw err;
        }
        if (root2) {
          root2.resolveAll();
        }
        var cb = callback;
        callback = null;
        cb(err, root2);
      }
      function getBundledFileName(filename2) {
        var idx = filename2.lastIndexOf("google/protobuf/");
        if (idx > -1) {
          var altname = filename2.substring(idx);
          if (Object.prototype.hasOwnProperty.call(common, altname)) return altname;
        }
        if (Object.prototype.hasOwnProperty.call(common, filename2)) return filename2;
        return null;
      }
      function process2(filename2, source, depth) {
        if (depth === void 0)
          depth = 0;
        try {
          if (depth > util.recursionLimit)
            throw Error("max depth exceeded");
          if (util.isString(source) && source.charAt(0) === "{")
            source = JSON.parse(source);
          if (!util.isString(source))
            self2.setOptions(source.options).addJSON(source.nested);
          else {
            parse.filename = filename2;
            var parsed = parse(source, self2, options), resolved2, i2 = 0;
            if (parsed.imports) {
              for (; i2 < parsed.imports.length; ++i2)
                if (resolved2 = getBundledFileName(parsed.imports[i2]) || self2.resolvePath(filename2, parsed.imports[i2]))
                  fetch2(resolved2, false, depth + 1);
            }
            if (parsed.weakImports) {
              for (i2 = 0; i2 < parsed.weakImports.length; ++i2)
                if (resolved2 = getBundledFileName(parsed.weakImports[i2]) || self2.resolvePath(filename2, parsed.weakImports[i2]))
                  fetch2(resolved2, true, depth + 1);
            }
          }
        } catch (err) {
          finish2(err);
        }
        if (!sync && !queued) {
          finish2(null, self2);
        }
      }
      function fetch2(filename2, weak, depth) {
        if (depth === void 0)
          depth = 0;
        filename2 = getBundledFileName(filename2) || filename2;
        if (self2.files.indexOf(filename2) > -1) {
          return;
        }
        self2.files.push(filename2);
        if (Object.prototype.hasOwnProperty.call(common, filename2)) {
          if (sync) {
            process2(filename2, common[filename2], depth);
          } else {
            ++queued;
            setTimeout(function() {
              --queued;
              process2(filename2, common[filename2], depth);
            });
          }
          return;
        }
        if (sync) {
          var source;
          try {
            source = util.fs.readFileSync(filename2).toString("utf8");
          } catch (err) {
            if (!weak)
              finish2(err);
            return;
          }
          process2(filename2, source, depth);
        } else {
          ++queued;
          self2.fetch(filename2, function(err, source2) {
            --queued;
            if (!callback) {
              return;
            }
            if (err) {
              if (!weak)
                finish2(err);
              else if (!queued)
                finish2(null, self2);
              return;
            }
            process2(filename2, source2, depth);
          });
        }
      }
      var queued = 0;
      if (util.isString(filename)) {
        filename = [filename];
      }
      for (var i = 0, resolved; i < filename.length; ++i)
        if (resolved = self2.resolvePath("", filename[i]))
          fetch2(resolved);
      if (sync) {
        self2.resolveAll();
        return self2;
      }
      if (!queued) {
        finish2(null, self2);
      }
      return self2;
    };
    Root.prototype.loadSync = function loadSync(filename, options) {
      if (!util.isNode)
        throw Error("not supported");
      return this.load(filename, options, SYNC);
    };
    Root.prototype.resolveAll = function resolveAll() {
      if (!this._needsRecursiveResolve) return this;
      if (this.deferred.length)
        throw Error("unresolvable extensions: " + this.deferred.map(function(field) {
          return "'extend " + field.extend + "' in " + field.parent.fullName;
        }).join(", "));
      return Namespace.prototype.resolveAll.call(this);
    };
    var exposeRe = /^[A-Z]/;
    function tryHandleExtension(root2, field) {
      var extendedType = field.parent.lookup(field.extend);
      if (extendedType) {
        var sisterField = new Field(field.fullName, field.id, field.type, field.rule, void 0, field.options);
        if (extendedType.get(sisterField.name)) {
          return true;
        }
        sisterField.declaringField = field;
        field.extensionField = sisterField;
        extendedType.add(sisterField);
        return true;
      }
      return false;
    }
    Root.prototype._handleAdd = function _handleAdd(object) {
      if (object instanceof Field) {
        if (
          /* an extension field (implies not part of a oneof) */
          object.extend !== void 0 && /* not already handled */
          !object.extensionField
        ) {
          if (!tryHandleExtension(this, object))
            this.deferred.push(object);
        }
      } else if (object instanceof Enum) {
        if (exposeRe.test(object.name))
          object.parent[object.name] = object.values;
      } else if (!(object instanceof OneOf)) {
        if (object instanceof Type)
          for (var i = 0; i < this.deferred.length; )
            if (tryHandleExtension(this, this.deferred[i]))
              this.deferred.splice(i, 1);
            else
              ++i;
        for (var j = 0; j < /* initializes */
        object.nestedArray.length; ++j)
          this._handleAdd(object._nestedArray[j]);
        if (exposeRe.test(object.name))
          object.parent[object.name] = object;
      }
      if (object instanceof Type || object instanceof Enum || object instanceof Field) {
        this._fullyQualifiedObjects[object.fullName] = object;
      }
    };
    Root.prototype._handleRemove = function _handleRemove(object) {
      if (object instanceof Field) {
        if (
          /* an extension field */
          object.extend !== void 0
        ) {
          if (
            /* already handled */
            object.extensionField
          ) {
            object.extensionField.parent.remove(object.extensionField);
            object.extensionField = null;
          } else {
            var index = this.deferred.indexOf(object);
            if (index > -1)
              this.deferred.splice(index, 1);
          }
        }
      } else if (object instanceof Enum) {
        if (exposeRe.test(object.name))
          delete object.parent[object.name];
      } else if (object instanceof Namespace) {
        for (var i = 0; i < /* initializes */
        object.nestedArray.length; ++i)
          this._handleRemove(object._nestedArray[i]);
        if (exposeRe.test(object.name))
          delete object.parent[object.name];
      }
      delete this._fullyQualifiedObjects[object.fullName];
    };
    Root._configure = function(Type_, parse_, common_) {
      Type = Type_;
      parse = parse_;
      common = common_;
    };
  }
});

// node_modules/protobufjs/src/util.js
var require_util = __commonJS({
  "node_modules/protobufjs/src/util.js"(exports, module) {
    "use strict";
    var util = module.exports = require_minimal();
    var roots = require_roots();
    var Type;
    var Enum;
    util.codegen = require_codegen();
    util.fetch = require_fetch();
    util.path = require_path();
    util.patterns = require_patterns();
    var reservedRe = util.patterns.reservedRe;
    util.fs = require_fs();
    util.toArray = function toArray(object) {
      if (object) {
        var keys = Object.keys(object), array = new Array(keys.length), index = 0;
        while (index < keys.length)
          array[index] = object[keys[index++]];
        return array;
      }
      return [];
    };
    util.toObject = function toObject(array) {
      var object = {}, index = 0;
      while (index < array.length) {
        var key = array[index++], val = array[index++];
        if (val !== void 0)
          object[key] = val;
      }
      return object;
    };
    util.remove = function remove(object, value, key) {
      if (!object)
        return false;
      if (key !== void 0 && Object.prototype.hasOwnProperty.call(object, key) && object[key] === value) {
        delete object[key];
        return true;
      }
      for (var names = Object.keys(object), i = 0; i < names.length; ++i)
        if (object[names[i]] === value) {
          delete object[names[i]];
          return true;
        }
      return false;
    };
    util.isReserved = function isReserved(name) {
      return reservedRe.test(name);
    };
    util.safeProp = function safeProp(prop) {
      if (!/^[$\w_]+$/.test(prop) || reservedRe.test(prop))
        return "[" + JSON.stringify(prop) + "]";
      return "." + prop;
    };
    util.ucFirst = function ucFirst(str) {
      return str.charAt(0).toUpperCase() + str.substring(1);
    };
    var camelCaseRe = /_([a-z])/g;
    util.camelCase = function camelCase(str) {
      return str.substring(0, 1) + str.substring(1).replace(camelCaseRe, function($0, $1) {
        return $1.toUpperCase();
      });
    };
    util.jsonName = function jsonName(str) {
      var result = "", upperNext = false, i = 0;
      for (; i < str.length; ++i) {
        var ch = str.charAt(i);
        if (ch === "_")
          upperNext = true;
        else if (upperNext) {
          result += ch.toUpperCase();
          upperNext = false;
        } else
          result += ch;
      }
      return result;
    };
    util.compareFieldsById = function compareFieldsById(a, b) {
      return a.id - b.id;
    };
    util.decorateType = function decorateType(ctor, typeName) {
      if (ctor.$type) {
        if (typeName && ctor.$type.name !== typeName) {
          util.decorateRoot.remove(ctor.$type);
          ctor.$type.name = typeName;
          util.decorateRoot.add(ctor.$type);
        }
        return ctor.$type;
      }
      if (!Type)
        Type = require_type();
      var type = new Type(typeName || ctor.name);
      util.decorateRoot.add(type);
      type.ctor = ctor;
      Object.defineProperty(ctor, "$type", { value: type, enumerable: false });
      Object.defineProperty(ctor.prototype, "$type", { value: type, enumerable: false });
      return type;
    };
    var decorateEnumIndex = 0;
    util.decorateEnum = function decorateEnum(object) {
      if (object.$type)
        return object.$type;
      if (!Enum)
        Enum = require_enum();
      var enm = new Enum("Enum" + decorateEnumIndex++, object);
      util.decorateRoot.add(enm);
      Object.defineProperty(object, "$type", { value: enm, enumerable: false });
      return enm;
    };
    util.setProperty = function setProperty(dst, path10, value, ifNotSet) {
      function setProp(dst2, path11, value2) {
        var part = path11.shift();
        if (util.isUnsafeProperty(part))
          return dst2;
        if (path11.length > 0) {
          dst2[part] = setProp(dst2[part] || {}, path11, value2);
        } else {
          var prevValue = dst2[part];
          if (prevValue && ifNotSet)
            return dst2;
          if (prevValue)
            value2 = [].concat(prevValue).concat(value2);
          dst2[part] = value2;
        }
        return dst2;
      }
      if (typeof dst !== "object")
        throw TypeError("dst must be an object");
      if (!path10)
        throw TypeError("path must be specified");
      path10 = path10.split(".");
      if (path10.length > util.recursionLimit)
        throw Error("max depth exceeded");
      return setProp(dst, path10, value);
    };
    Object.defineProperty(util, "decorateRoot", {
      get: function() {
        return roots["decorated"] || (roots["decorated"] = new (require_root())());
      }
    });
  }
});

// node_modules/protobufjs/src/types.js
var require_types = __commonJS({
  "node_modules/protobufjs/src/types.js"(exports) {
    "use strict";
    var types = exports;
    var util = require_util();
    var s = [
      "double",
      // 0
      "float",
      // 1
      "int32",
      // 2
      "uint32",
      // 3
      "sint32",
      // 4
      "fixed32",
      // 5
      "sfixed32",
      // 6
      "int64",
      // 7
      "uint64",
      // 8
      "sint64",
      // 9
      "fixed64",
      // 10
      "sfixed64",
      // 11
      "bool",
      // 12
      "string",
      // 13
      "bytes"
      // 14
    ];
    function bake(values, offset) {
      var i = 0, o = /* @__PURE__ */ Object.create(null);
      offset |= 0;
      while (i < values.length) o[s[i + offset]] = values[i++];
      return o;
    }
    types.basic = bake([
      /* double   */
      1,
      /* float    */
      5,
      /* int32    */
      0,
      /* uint32   */
      0,
      /* sint32   */
      0,
      /* fixed32  */
      5,
      /* sfixed32 */
      5,
      /* int64    */
      0,
      /* uint64   */
      0,
      /* sint64   */
      0,
      /* fixed64  */
      1,
      /* sfixed64 */
      1,
      /* bool     */
      0,
      /* string   */
      2,
      /* bytes    */
      2
    ]);
    types.defaults = bake([
      /* double   */
      0,
      /* float    */
      0,
      /* int32    */
      0,
      /* uint32   */
      0,
      /* sint32   */
      0,
      /* fixed32  */
      0,
      /* sfixed32 */
      0,
      /* int64    */
      0,
      /* uint64   */
      0,
      /* sint64   */
      0,
      /* fixed64  */
      0,
      /* sfixed64 */
      0,
      /* bool     */
      false,
      /* string   */
      "",
      /* bytes    */
      util.emptyArray,
      /* message  */
      null
    ]);
    types.long = bake([
      /* int64    */
      0,
      /* uint64   */
      0,
      /* sint64   */
      0,
      /* fixed64  */
      1,
      /* sfixed64 */
      1
    ], 7);
    types.mapKey = bake([
      /* int32    */
      0,
      /* uint32   */
      0,
      /* sint32   */
      0,
      /* fixed32  */
      5,
      /* sfixed32 */
      5,
      /* int64    */
      0,
      /* uint64   */
      0,
      /* sint64   */
      0,
      /* fixed64  */
      1,
      /* sfixed64 */
      1,
      /* bool     */
      0,
      /* string   */
      2
    ], 2);
    types.packed = bake([
      /* double   */
      1,
      /* float    */
      5,
      /* int32    */
      0,
      /* uint32   */
      0,
      /* sint32   */
      0,
      /* fixed32  */
      5,
      /* sfixed32 */
      5,
      /* int64    */
      0,
      /* uint64   */
      0,
      /* sint64   */
      0,
      /* fixed64  */
      1,
      /* sfixed64 */
      1,
      /* bool     */
      0
    ]);
  }
});

// node_modules/protobufjs/src/field.js
var require_field = __commonJS({
  "node_modules/protobufjs/src/field.js"(exports, module) {
    "use strict";
    module.exports = Field;
    var ReflectionObject = require_object();
    Field.prototype = Object.create(ReflectionObject.prototype, {
      constructor: {
        value: Field,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    Field.className = "Field";
    var Enum = require_enum();
    var types = require_types();
    var util = require_util();
    var Type;
    var ruleRe = /^(?:required|optional|repeated)$/;
    Field.fromJSON = function fromJSON(name, json) {
      var field = new Field(name, json.id, json.type, json.rule, json.extend, json.options, json.comment);
      if (json.edition)
        field._edition = json.edition;
      if (json.protoName)
        field.protoName = json.protoName;
      if (json.jsonName !== void 0)
        field.jsonName = json.jsonName;
      else if (json.options && json.options.json_name !== void 0)
        field.jsonName = json.options.json_name;
      field._defaultEdition = "proto3";
      return field;
    };
    function Field(name, id, type, rule, extend, options, comment) {
      if (util.isObject(rule)) {
        comment = extend;
        options = rule;
        rule = extend = void 0;
      } else if (util.isObject(extend)) {
        comment = options;
        options = extend;
        extend = void 0;
      }
      ReflectionObject.call(this, name, options);
      if (!util.isInteger(id) || id < 0)
        throw TypeError("id must be a non-negative integer");
      if (!util.isString(type))
        throw TypeError("type must be a string");
      if (rule !== void 0 && !ruleRe.test(rule = rule.toString().toLowerCase()))
        throw TypeError("rule must be a string rule");
      if (extend !== void 0 && !util.isString(extend))
        throw TypeError("extend must be a string");
      this.rule = rule && rule !== "optional" ? rule : void 0;
      this.type = type;
      this.id = id;
      this.extend = extend || void 0;
      this.repeated = rule === "repeated";
      this.map = false;
      this.message = null;
      this.partOf = null;
      this.typeDefault = null;
      this.defaultValue = null;
      this.long = util.Long ? types.long[type] !== void 0 : (
        /* istanbul ignore next */
        false
      );
      this.bytes = type === "bytes";
      this.resolvedType = null;
      this.extensionField = null;
      this.declaringField = null;
      this.comment = comment;
      this.protoName = void 0;
      this.jsonName = void 0;
    }
    Object.defineProperty(Field.prototype, "required", {
      get: function() {
        return this._features.field_presence === "LEGACY_REQUIRED";
      }
    });
    Object.defineProperty(Field.prototype, "optional", {
      get: function() {
        return !this.required;
      }
    });
    Object.defineProperty(Field.prototype, "delimited", {
      get: function() {
        return this.resolvedType instanceof Type && this._features.message_encoding === "DELIMITED";
      }
    });
    Object.defineProperty(Field.prototype, "packed", {
      get: function() {
        return this._features.repeated_field_encoding === "PACKED";
      }
    });
    Object.defineProperty(Field.prototype, "hasPresence", {
      get: function() {
        if (this.repeated || this.map) {
          return false;
        }
        return this.partOf || // oneofs
        this.declaringField || this.extensionField || // extensions
        this._features.field_presence !== "IMPLICIT";
      }
    });
    Field.prototype.setOption = function setOption(name, value, ifNotSet) {
      return ReflectionObject.prototype.setOption.call(this, name, value, ifNotSet);
    };
    Field.prototype.toJSON = function toJSON(toJSONOptions) {
      var keepComments = toJSONOptions ? Boolean(toJSONOptions.keepComments) : false;
      return util.toObject([
        "edition",
        this._editionToJSON(),
        "rule",
        this.rule !== "optional" && this.rule || void 0,
        "type",
        this.type,
        "id",
        this.id,
        "extend",
        this.extend,
        "protoName",
        this.protoName !== this.name ? this.protoName : void 0,
        "jsonName",
        this.jsonName !== util.jsonName(this.protoName || this.name) ? this.jsonName : void 0,
        "options",
        this.options,
        "comment",
        keepComments ? this.comment : void 0
      ]);
    };
    Field.prototype.resolve = function resolve() {
      if (this.resolved)
        return this;
      if ((this.typeDefault = types.defaults[this.type]) === void 0) {
        this.resolvedType = (this.declaringField ? this.declaringField.parent : this.parent).lookupTypeOrEnum(this.type);
        if (this.resolvedType instanceof Type)
          this.typeDefault = null;
        else
          this.typeDefault = this.resolvedType.values[Object.keys(this.resolvedType.values)[0]];
      } else if (this.options && this.options.proto3_optional) {
        this.typeDefault = null;
      }
      if (this.options && this.options["default"] != null) {
        this.typeDefault = this.options["default"];
        if (this.resolvedType instanceof Enum && typeof this.typeDefault === "string")
          this.typeDefault = this.resolvedType.values[this.typeDefault];
      }
      if (this.options) {
        if (this.options.packed !== void 0 && this.resolvedType && !(this.resolvedType instanceof Enum))
          delete this.options.packed;
        if (!Object.keys(this.options).length)
          this.options = void 0;
      }
      if (this.long) {
        var unsigned = this.type === "uint64" || this.type === "fixed64";
        this.typeDefault = typeof this.typeDefault === "string" ? util.Long.fromString(this.typeDefault, unsigned) : util.Long.fromNumber(this.typeDefault, unsigned);
        if (Object.freeze)
          Object.freeze(this.typeDefault);
      } else if (types.long[this.type] !== void 0 && typeof this.typeDefault === "string") {
        this.typeDefault = parseInt(this.typeDefault, 10);
      } else if (this.bytes && typeof this.typeDefault === "string") {
        var buf;
        if (util.base64.test(this.typeDefault))
          util.base64.decode(this.typeDefault, buf = util.newBuffer(util.base64.length(this.typeDefault)), 0);
        else
          util.utf8.write(this.typeDefault, buf = util.newBuffer(util.utf8.length(this.typeDefault)), 0);
        this.typeDefault = buf;
      }
      if (this.map)
        this.defaultValue = util.emptyObject;
      else if (this.repeated)
        this.defaultValue = util.emptyArray;
      else
        this.defaultValue = this.typeDefault;
      if (this.parent instanceof Type && this.parent._ctor)
        this.parent._ctor.prototype[this.name] = this.defaultValue;
      if (this.protoName === void 0)
        this.protoName = this.name;
      if (this.jsonName === void 0)
        this.jsonName = util.jsonName(this.protoName);
      return ReflectionObject.prototype.resolve.call(this);
    };
    Field.prototype._inferLegacyProtoFeatures = function _inferLegacyProtoFeatures(edition) {
      if (edition !== "proto2" && edition !== "proto3") {
        return {};
      }
      var features = {};
      if (this.rule === "required") {
        features.field_presence = "LEGACY_REQUIRED";
      }
      if (this.parent && types.defaults[this.type] === void 0) {
        var type = this.parent.get(this.type.split(".").pop());
        if (type && type instanceof Type && type.group) {
          features.message_encoding = "DELIMITED";
        }
      }
      if (this.getOption("packed") === true) {
        features.repeated_field_encoding = "PACKED";
      } else if (this.getOption("packed") === false) {
        features.repeated_field_encoding = "EXPANDED";
      }
      return features;
    };
    Field.prototype._resolveFeatures = function _resolveFeatures(edition) {
      return ReflectionObject.prototype._resolveFeatures.call(this, this._edition || edition);
    };
    Field.d = function decorateField(fieldId, fieldType, fieldRule, defaultValue) {
      if (typeof fieldType === "function")
        fieldType = util.decorateType(fieldType).name;
      else if (fieldType && typeof fieldType === "object")
        fieldType = util.decorateEnum(fieldType).name;
      return function fieldDecorator(prototype, fieldName) {
        util.decorateType(prototype.constructor).add(new Field(fieldName, fieldId, fieldType, fieldRule, { "default": defaultValue }));
      };
    };
    Field._configure = function configure(Type_) {
      Type = Type_;
    };
  }
});

// node_modules/protobufjs/src/oneof.js
var require_oneof = __commonJS({
  "node_modules/protobufjs/src/oneof.js"(exports, module) {
    "use strict";
    module.exports = OneOf;
    var ReflectionObject = require_object();
    OneOf.prototype = Object.create(ReflectionObject.prototype, {
      constructor: {
        value: OneOf,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    OneOf.className = "OneOf";
    var Field = require_field();
    var util = require_util();
    function OneOf(name, fieldNames2, options, comment) {
      if (!Array.isArray(fieldNames2)) {
        options = fieldNames2;
        fieldNames2 = void 0;
      }
      ReflectionObject.call(this, name, options);
      if (!(fieldNames2 === void 0 || Array.isArray(fieldNames2)))
        throw TypeError("fieldNames must be an Array");
      this.oneof = fieldNames2 || [];
      this.fieldsArray = [];
      this.comment = comment;
    }
    OneOf.fromJSON = function fromJSON(name, json) {
      return new OneOf(name, json.oneof, json.options, json.comment);
    };
    OneOf.prototype.toJSON = function toJSON(toJSONOptions) {
      var keepComments = toJSONOptions ? Boolean(toJSONOptions.keepComments) : false;
      return util.toObject([
        "options",
        this.options,
        "oneof",
        this.oneof,
        "comment",
        keepComments ? this.comment : void 0
      ]);
    };
    function addFieldsToParent(oneof) {
      if (oneof.parent) {
        for (var i = 0; i < oneof.fieldsArray.length; ++i)
          if (!oneof.fieldsArray[i].parent)
            oneof.parent.add(oneof.fieldsArray[i]);
      }
    }
    OneOf.prototype.add = function add(field) {
      if (!(field instanceof Field))
        throw TypeError("field must be a Field");
      if (field.parent && field.parent !== this.parent)
        field.parent.remove(field);
      this.oneof.push(field.name);
      this.fieldsArray.push(field);
      field.partOf = this;
      addFieldsToParent(this);
      return this;
    };
    OneOf.prototype.remove = function remove(field) {
      if (!(field instanceof Field))
        throw TypeError("field must be a Field");
      var index = this.fieldsArray.indexOf(field);
      if (index < 0)
        throw Error(field + " is not a member of " + this);
      this.fieldsArray.splice(index, 1);
      index = this.oneof.indexOf(field.name);
      if (index > -1)
        this.oneof.splice(index, 1);
      field.partOf = null;
      return this;
    };
    OneOf.prototype.onAdd = function onAdd(parent) {
      ReflectionObject.prototype.onAdd.call(this, parent);
      var self2 = this;
      for (var i = 0; i < this.oneof.length; ++i) {
        var field = parent.get(this.oneof[i]);
        if (field && !field.partOf) {
          field.partOf = self2;
          self2.fieldsArray.push(field);
        }
      }
      addFieldsToParent(this);
    };
    OneOf.prototype.onRemove = function onRemove(parent) {
      for (var i = 0, field; i < this.fieldsArray.length; ++i)
        if ((field = this.fieldsArray[i]).parent)
          field.parent.remove(field);
      ReflectionObject.prototype.onRemove.call(this, parent);
    };
    Object.defineProperty(OneOf.prototype, "isProto3Optional", {
      get: function() {
        if (this.fieldsArray == null || this.fieldsArray.length !== 1) {
          return false;
        }
        var field = this.fieldsArray[0];
        return field.options != null && field.options["proto3_optional"] === true;
      }
    });
    OneOf.d = function decorateOneOf() {
      var fieldNames2 = new Array(arguments.length), index = 0;
      while (index < arguments.length)
        fieldNames2[index] = arguments[index++];
      return function oneOfDecorator(prototype, oneofName) {
        util.decorateType(prototype.constructor).add(new OneOf(oneofName, fieldNames2));
        Object.defineProperty(prototype, oneofName, {
          get: util.oneOfGetter(fieldNames2),
          set: util.oneOfSetter(fieldNames2)
        });
      };
    };
  }
});

// node_modules/protobufjs/src/object.js
var require_object = __commonJS({
  "node_modules/protobufjs/src/object.js"(exports, module) {
    "use strict";
    module.exports = ReflectionObject;
    ReflectionObject.className = "ReflectionObject";
    var OneOf = require_oneof();
    var util = require_util();
    var Root;
    var proto2Defaults = { enum_type: "CLOSED", field_presence: "EXPLICIT", json_format: "LEGACY_BEST_EFFORT", message_encoding: "LENGTH_PREFIXED", repeated_field_encoding: "EXPANDED", utf8_validation: "NONE", enforce_naming_style: "STYLE_LEGACY", default_symbol_visibility: "EXPORT_ALL" };
    var proto3Defaults = { enum_type: "OPEN", field_presence: "IMPLICIT", json_format: "ALLOW", message_encoding: "LENGTH_PREFIXED", repeated_field_encoding: "PACKED", utf8_validation: "VERIFY", enforce_naming_style: "STYLE_LEGACY", default_symbol_visibility: "EXPORT_ALL" };
    var editions2023Defaults = { enum_type: "OPEN", field_presence: "EXPLICIT", json_format: "ALLOW", message_encoding: "LENGTH_PREFIXED", repeated_field_encoding: "PACKED", utf8_validation: "VERIFY", enforce_naming_style: "STYLE_LEGACY", default_symbol_visibility: "EXPORT_ALL" };
    var editions2024Defaults = { enum_type: "OPEN", field_presence: "EXPLICIT", json_format: "ALLOW", message_encoding: "LENGTH_PREFIXED", repeated_field_encoding: "PACKED", utf8_validation: "VERIFY", enforce_naming_style: "STYLE2024", default_symbol_visibility: "EXPORT_TOP_LEVEL" };
    var editions2026Defaults = { enum_type: "OPEN", field_presence: "EXPLICIT", json_format: "ALLOW", message_encoding: "LENGTH_PREFIXED", repeated_field_encoding: "PACKED", utf8_validation: "VERIFY", enforce_naming_style: "STYLE2026", default_symbol_visibility: "STRICT", enforce_proto_limits: "PROTO_LIMITS2026" };
    function ReflectionObject(name, options) {
      if (!util.isString(name))
        throw TypeError("name must be a string");
      if (options && !util.isObject(options))
        throw TypeError("options must be an object");
      this.options = options;
      this.parsedOptions = null;
      this.name = name;
      this._edition = null;
      this._defaultEdition = "proto2";
      this._features = {};
      this._featuresResolved = false;
      this.parent = null;
      this.resolved = false;
      this.comment = null;
      this.filename = null;
    }
    Object.defineProperties(ReflectionObject.prototype, {
      /**
       * Reference to the root namespace.
       * @name ReflectionObject#root
       * @type {Root}
       * @readonly
       */
      root: {
        get: function() {
          var ptr = this;
          while (ptr.parent !== null)
            ptr = ptr.parent;
          return ptr;
        }
      },
      /**
       * Full name including leading dot.
       * @name ReflectionObject#fullName
       * @type {string}
       * @readonly
       */
      fullName: {
        get: function() {
          var path10 = [this.name], ptr = this.parent;
          while (ptr) {
            path10.unshift(ptr.name);
            ptr = ptr.parent;
          }
          return path10.join(".");
        }
      }
    });
    ReflectionObject.prototype.toJSON = /* istanbul ignore next */
    function toJSON() {
      throw Error();
    };
    ReflectionObject.prototype.onAdd = function onAdd(parent) {
      if (this.parent && this.parent !== parent)
        this.parent.remove(this);
      this.parent = parent;
      this.resolved = false;
      var root2 = parent.root;
      if (root2 instanceof Root)
        root2._handleAdd(this);
    };
    ReflectionObject.prototype.onRemove = function onRemove(parent) {
      var root2 = parent.root;
      if (root2 instanceof Root)
        root2._handleRemove(this);
      this.parent = null;
      this.resolved = false;
    };
    ReflectionObject.prototype.resolve = function resolve() {
      if (this.resolved)
        return this;
      if (this.root instanceof Root)
        this.resolved = true;
      return this;
    };
    ReflectionObject.prototype._resolveFeaturesRecursive = function _resolveFeaturesRecursive(edition) {
      return this._resolveFeatures(this._edition || edition);
    };
    ReflectionObject.prototype._resolveFeatures = function _resolveFeatures(edition) {
      if (this._featuresResolved) {
        return;
      }
      var defaults = {};
      if (!edition) {
        throw new Error("Unknown edition for " + this.fullName);
      }
      var protoFeatures = util.merge(
        {},
        this.options && this.options.features,
        this._inferLegacyProtoFeatures(edition)
      );
      if (this._edition) {
        if (edition === "proto2") {
          defaults = Object.assign({}, proto2Defaults);
        } else if (edition === "proto3") {
          defaults = Object.assign({}, proto3Defaults);
        } else if (edition === "2023") {
          defaults = Object.assign({}, editions2023Defaults);
        } else if (edition === "2024") {
          defaults = Object.assign({}, editions2024Defaults);
        } else if (edition === "2026") {
          defaults = Object.assign({}, editions2026Defaults);
        } else {
          throw new Error("Unknown edition: " + edition);
        }
        this._features = util.merge(defaults, protoFeatures);
      } else {
        if (this.partOf instanceof OneOf) {
          var lexicalParentFeaturesCopy = util.merge({}, this.partOf._features);
          this._features = util.merge(lexicalParentFeaturesCopy, protoFeatures);
        } else if (this.declaringField) {
        } else if (this.parent) {
          var parentFeaturesCopy = util.merge({}, this.parent._features);
          this._features = util.merge(parentFeaturesCopy, protoFeatures);
        } else {
          throw new Error("Unable to find a parent for " + this.fullName);
        }
      }
      if (this.extensionField) {
        this.extensionField._features = this._features;
      }
      this._featuresResolved = true;
    };
    ReflectionObject.prototype._inferLegacyProtoFeatures = function _inferLegacyProtoFeatures() {
      return {};
    };
    ReflectionObject.prototype.getOption = function getOption(name) {
      if (this.options && Object.prototype.hasOwnProperty.call(this.options, name))
        return this.options[name];
      return void 0;
    };
    ReflectionObject.prototype.setOption = function setOption(name, value, ifNotSet) {
      if (name === "__proto__")
        return this;
      if (!this.options)
        this.options = {};
      if (/^features\./.test(name)) {
        util.setProperty(this.options, name, value, ifNotSet);
      } else {
        var prev = this.getOption(name);
        if (!ifNotSet || prev === void 0) {
          if (prev !== value) this.resolved = false;
          this.options[name] = value;
        }
      }
      return this;
    };
    ReflectionObject.prototype.setParsedOption = function setParsedOption(name, value, propName) {
      if (name === "__proto__")
        return this;
      if (!this.parsedOptions) {
        this.parsedOptions = [];
      }
      var parsedOptions = this.parsedOptions;
      if (propName) {
        var opt = parsedOptions.find(function(opt2) {
          return Object.prototype.hasOwnProperty.call(opt2, name);
        });
        if (opt) {
          var newValue = opt[name];
          util.setProperty(newValue, propName, value);
        } else {
          opt = {};
          opt[name] = util.setProperty({}, propName, value);
          parsedOptions.push(opt);
        }
      } else {
        var newOpt = {};
        newOpt[name] = value;
        parsedOptions.push(newOpt);
      }
      return this;
    };
    ReflectionObject.prototype.setOptions = function setOptions(options, ifNotSet) {
      if (options)
        for (var keys = Object.keys(options), i = 0; i < keys.length; ++i)
          this.setOption(keys[i], options[keys[i]], ifNotSet);
      return this;
    };
    Object.defineProperty(ReflectionObject.prototype, "toString", {
      value: function toString() {
        var className = this.constructor.className, fullName = this.fullName;
        if (fullName.length)
          return className + " " + fullName;
        return className;
      },
      writable: true,
      enumerable: false,
      configurable: true
    });
    ReflectionObject.prototype._editionToJSON = function _editionToJSON() {
      if (!this._edition || this._edition === "proto3") {
        return void 0;
      }
      return this._edition;
    };
    ReflectionObject._configure = function(Root_) {
      Root = Root_;
    };
  }
});

// node_modules/protobufjs/src/enum.js
var require_enum = __commonJS({
  "node_modules/protobufjs/src/enum.js"(exports, module) {
    "use strict";
    module.exports = Enum;
    var ReflectionObject = require_object();
    Enum.prototype = Object.create(ReflectionObject.prototype, {
      constructor: {
        value: Enum,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    Enum.className = "Enum";
    var Namespace = require_namespace();
    var util = require_util();
    function Enum(name, values, options, comment, comments, valuesOptions) {
      ReflectionObject.call(this, name, options);
      if (values && typeof values !== "object")
        throw TypeError("values must be an object");
      this.valuesById = /* @__PURE__ */ Object.create(null);
      this.values = Object.create(this.valuesById);
      this.comment = comment;
      this.comments = comments || {};
      this.valuesOptions = valuesOptions;
      this._valuesFeatures = {};
      this.reserved = void 0;
      this.visibility = void 0;
      if (values) {
        for (var keys = Object.keys(values), i = 0; i < keys.length; ++i)
          if (keys[i] !== "__proto__" && typeof values[keys[i]] === "number") {
            this.values[keys[i]] = values[keys[i]];
            if (this.valuesById[values[keys[i]]] === void 0)
              this.valuesById[values[keys[i]]] = keys[i];
          }
      }
    }
    Enum.prototype._resolveFeatures = function _resolveFeatures(edition) {
      edition = this._edition || edition;
      ReflectionObject.prototype._resolveFeatures.call(this, edition);
      Object.keys(this.values).forEach((key) => {
        var parentFeaturesCopy = util.merge({}, this._features);
        this._valuesFeatures[key] = util.merge(parentFeaturesCopy, this.valuesOptions && this.valuesOptions[key] && this.valuesOptions[key].features || {});
      });
      return this;
    };
    Enum.fromJSON = function fromJSON(name, json) {
      var enm = new Enum(name, json.values, json.options, json.comment, json.comments, json.valuesOptions);
      enm.reserved = json.reserved;
      if (json.visibility)
        enm.visibility = json.visibility;
      if (json.edition)
        enm._edition = json.edition;
      enm._defaultEdition = "proto3";
      return enm;
    };
    Enum.prototype.toJSON = function toJSON(toJSONOptions) {
      var keepComments = toJSONOptions ? Boolean(toJSONOptions.keepComments) : false;
      return util.toObject([
        "edition",
        this._editionToJSON(),
        "options",
        this.options,
        "valuesOptions",
        this.valuesOptions,
        "values",
        this.values,
        "reserved",
        this.reserved && this.reserved.length ? this.reserved : void 0,
        "visibility",
        this.visibility,
        "comment",
        keepComments ? this.comment : void 0,
        "comments",
        keepComments ? this.comments : void 0
      ]);
    };
    Enum.prototype.add = function add(name, id, comment, options) {
      if (!util.isString(name))
        throw TypeError("name must be a string");
      if (!util.isInteger(id))
        throw TypeError("id must be an integer");
      if (name === "__proto__")
        return this;
      if (this.values[name] !== void 0)
        throw Error("duplicate name '" + name + "' in " + this);
      if (this.isReservedId(id))
        throw Error("id " + id + " is reserved in " + this);
      if (this.isReservedName(name))
        throw Error("name '" + name + "' is reserved in " + this);
      if (this.valuesById[id] !== void 0) {
        if (!(this.options && this.options.allow_alias))
          throw Error("duplicate id " + id + " in " + this);
        this.values[name] = id;
      } else
        this.valuesById[this.values[name] = id] = name;
      if (options) {
        if (this.valuesOptions === void 0)
          this.valuesOptions = {};
        this.valuesOptions[name] = options || null;
      }
      this.comments[name] = comment || null;
      return this;
    };
    Enum.prototype.remove = function remove(name) {
      if (!util.isString(name))
        throw TypeError("name must be a string");
      var val = this.values[name];
      if (val == null)
        throw Error("name '" + name + "' does not exist in " + this);
      delete this.valuesById[val];
      delete this.values[name];
      delete this.comments[name];
      if (this.valuesOptions)
        delete this.valuesOptions[name];
      return this;
    };
    Enum.prototype.isReservedId = function isReservedId(id) {
      return Namespace.isReservedId(this.reserved, id);
    };
    Enum.prototype.isReservedName = function isReservedName(name) {
      return Namespace.isReservedName(this.reserved, name);
    };
  }
});

// node_modules/protobufjs/src/encoder.js
var require_encoder = __commonJS({
  "node_modules/protobufjs/src/encoder.js"(exports, module) {
    "use strict";
    module.exports = encoder;
    var Enum = require_enum();
    var types = require_types();
    var util = require_util();
    function genTypePartial(gen, field, fieldIndex, ref) {
      return field.delimited ? gen("types[%i].encode(%s,w.uint32(%i),q+1).uint32(%i)", fieldIndex, ref, (field.id << 3 | 3) >>> 0, (field.id << 3 | 4) >>> 0) : gen("types[%i].encode(%s,w.uint32(%i).fork(),q+1).ldelim()", fieldIndex, ref, (field.id << 3 | 2) >>> 0);
    }
    function encoder(mtype) {
      var gen = util.codegen(["m", "w", "q"])("if(!w)")("w=Writer.create()")("if(q===undefined)q=0")("if(q>util.recursionLimit)")('throw Error("max depth exceeded")');
      var i, ref;
      var fields = (
        /* initializes */
        mtype.fieldsArray.slice().sort(util.compareFieldsById)
      );
      for (var i = 0; i < fields.length; ++i) {
        var field = fields[i].resolve(), index = mtype._fieldsArray.indexOf(field), type = field.resolvedType instanceof Enum ? "int32" : field.type, wireType = types.basic[type];
        ref = "m" + util.safeProp(field.name);
        if (field.map) {
          gen("if(%s!=null&&Object.hasOwnProperty.call(m,%j)){", ref, field.name)("for(var ks=Object.keys(%s),i=0;i<ks.length;++i){", ref);
          if (field.keyType === "bool") gen("w.uint32(%i).fork().uint32(%i).bool(util.boolFromKey(ks[i]))", (field.id << 3 | 2) >>> 0, 8 | types.mapKey[field.keyType]);
          else if (types.long[field.keyType] !== void 0) gen("w.uint32(%i).fork().uint32(%i).%s(util.longFromKey(ks[i],%j))", (field.id << 3 | 2) >>> 0, 8 | types.mapKey[field.keyType], field.keyType, field.keyType === "uint64" || field.keyType === "fixed64");
          else gen("w.uint32(%i).fork().uint32(%i).%s(ks[i])", (field.id << 3 | 2) >>> 0, 8 | types.mapKey[field.keyType], field.keyType);
          if (wireType === void 0) gen("types[%i].encode(%s[ks[i]],w.uint32(18).fork(),q+1).ldelim().ldelim()", index, ref);
          else gen(".uint32(%i).%s(%s[ks[i]]).ldelim()", 16 | wireType, type, ref);
          gen("}")("}");
        } else if (field.repeated) {
          gen("if(%s!=null&&%s.length){", ref, ref);
          if (field.packed && types.packed[type] !== void 0) {
            gen("w.uint32(%i).%ss(%s)", (field.id << 3 | 2) >>> 0, type, ref);
          } else {
            gen("for(var i=0;i<%s.length;++i)", ref);
            if (wireType === void 0)
              genTypePartial(gen, field, index, ref + "[i]");
            else gen("w.uint32(%i).%s(%s[i])", (field.id << 3 | wireType) >>> 0, type, ref);
          }
          gen("}");
        } else {
          if (!field.required)
            if (field.hasPresence || !(field.resolvedType instanceof Enum || types.basic[type] !== void 0)) gen("if(%s!=null&&Object.hasOwnProperty.call(m,%j))", ref, field.name);
            else if (field.resolvedType instanceof Enum) gen("if(%s!=null&&Object.hasOwnProperty.call(m,%j)&&%s!==%j)", ref, field.name, ref, field.typeDefault);
            else if (type === "bool") gen("if(%s!=null&&Object.hasOwnProperty.call(m,%j)&&%s!==false)", ref, field.name, ref);
            else if (type === "string") gen('if(%s!=null&&Object.hasOwnProperty.call(m,%j)&&%s!=="")', ref, field.name, ref);
            else if (type === "bytes") gen("if(%s!=null&&Object.hasOwnProperty.call(m,%j)&&%s.length)", ref, field.name, ref);
            else if (type === "double" || type === "float") gen("if(%s!=null&&Object.hasOwnProperty.call(m,%j)&&!Object.is(%s,0))", ref, field.name, ref);
            else if (types.long[type] !== void 0) gen('if(%s!=null&&Object.hasOwnProperty.call(m,%j)&&(typeof %s==="object"?%s.low||%s.high:%s!==0))', ref, field.name, ref, ref, ref, ref);
            else gen("if(%s!=null&&Object.hasOwnProperty.call(m,%j)&&%s!==0)", ref, field.name, ref);
          if (wireType === void 0)
            genTypePartial(gen, field, index, ref);
          else gen("w.uint32(%i).%s(%s)", (field.id << 3 | wireType) >>> 0, type, ref);
        }
      }
      return gen('if(m.$unknowns!=null&&Object.hasOwnProperty.call(m,"$unknowns"))')("for(var i=0;i<m.$unknowns.length;++i)")("w.raw(m.$unknowns[i])")("return w");
    }
  }
});

// node_modules/protobufjs/src/index-light.js
var require_index_light = __commonJS({
  "node_modules/protobufjs/src/index-light.js"(exports, module) {
    "use strict";
    exports = module.exports = require_index_minimal();
    exports.build = "light";
    function load3(filename, root2, callback) {
      if (typeof root2 === "function") {
        callback = root2;
        root2 = new exports.Root();
      } else if (!root2)
        root2 = new exports.Root();
      return root2.load(filename, callback);
    }
    exports.load = load3;
    function loadSync(filename, root2) {
      if (!root2)
        root2 = new exports.Root();
      return root2.loadSync(filename);
    }
    exports.loadSync = loadSync;
    exports.encoder = require_encoder();
    exports.decoder = require_decoder();
    exports.verifier = require_verifier();
    exports.converter = require_converter();
    exports.ReflectionObject = require_object();
    exports.Namespace = require_namespace();
    exports.Root = require_root();
    exports.Enum = require_enum();
    exports.Type = require_type();
    exports.Field = require_field();
    exports.OneOf = require_oneof();
    exports.MapField = require_mapfield();
    exports.Service = require_service2();
    exports.Method = require_method();
    exports.Message = require_message();
    exports.wrappers = require_wrappers();
    exports.types = require_types();
    exports.util = require_util();
    exports.ReflectionObject._configure(exports.Root);
    exports.Namespace._configure(exports.Type, exports.Service, exports.Enum);
    exports.Root._configure(exports.Type, void 0, {});
    exports.Field._configure(exports.Type);
  }
});

// node_modules/protobufjs/light.js
var require_light = __commonJS({
  "node_modules/protobufjs/light.js"(exports, module) {
    "use strict";
    module.exports = require_index_light();
  }
});

// src/errors.ts
var UserError = class extends Error {
  name = "UserError";
  /** The exit code the command-line tool uses for it. */
  exitCode;
  constructor(message, exitCode = 2) {
    super(message);
    this.exitCode = exitCode;
  }
};
var FormatError = class extends Error {
  name = "FormatError";
};
function withSource(source, err) {
  if (err instanceof FormatError) return new UserError(`${source}: ${err.message}`);
  return err;
}

// src/cli/commands/bench.ts
import { mkdir, rm as rm4, writeFile } from "node:fs/promises";
import path4 from "node:path";

// src/units/bench-units.ts
function tidyUnit(unit) {
  switch (unit) {
    case "ns/op":
      return { unit: "sec/op", factor: 1e-9 };
    case "MB/s":
      return { unit: "B/s", factor: 1e6 };
    case "B/op":
    case "allocs/op":
      return { unit, factor: 1 };
  }
  if (!unit.includes("ns") && !unit.includes("MB")) return { unit, factor: 1 };
  let factor = 1;
  let denominator = false;
  const out = unit.replace(/[^*/\-\s]+|[*/\-\s]/g, (token) => {
    if (token === "/") denominator = true;
    else if (token === "*") denominator = false;
    else if (!denominator && token === "ns") {
      factor /= 1e9;
      return "sec";
    } else if (!denominator && token === "MB") {
      factor *= 1e6;
      return "B";
    }
    return token;
  });
  return { unit: out, factor };
}
function unitClass(tidied) {
  let denominator = false;
  for (const token of tidied.split(/([*/\-\s])/)) {
    if (token === "/") denominator = true;
    else if (token === "*") denominator = false;
    else if (!denominator && (token === "B" || token === "MB" || token === "bytes"))
      return "binary";
  }
  return "decimal";
}
function higherIsBetter(tidied, meta) {
  if (meta?.better) return meta.better === "higher";
  return /\/(s|sec|second)$/.test(tidied);
}
function isNonNegativeUnit(unit) {
  return /^(sec|B|allocs)\/\w+$/.test(tidyUnit(unit).unit);
}

// src/units/go-format.ts
function exactDigits(x) {
  const s = Math.abs(x).toFixed(100);
  const dot = s.indexOf(".");
  let digits = s.slice(0, dot) + s.slice(dot + 1);
  let point = dot;
  const firstNonZero = digits.search(/[1-9]/);
  if (firstNonZero < 0) return { digits: "", point: 0 };
  digits = digits.slice(firstNonZero).replace(/0+$/, "");
  point -= firstNonZero;
  return { digits, point };
}
function roundDigits(digits, keep) {
  if (keep < 0) return { digits: "", carry: false };
  if (digits.length <= keep) return { digits, carry: false };
  const next = digits.charCodeAt(keep) - 48;
  const rest = digits.slice(keep + 1);
  const prev = keep > 0 ? digits.charCodeAt(keep - 1) - 48 : 0;
  const up = next > 5 || next === 5 && (/[1-9]/.test(rest) || prev % 2 === 1);
  let kept = digits.slice(0, keep);
  if (!up) return { digits: kept, carry: false };
  const chars = kept.split("").map((c) => c.charCodeAt(0) - 48);
  let i = chars.length - 1;
  while (i >= 0) {
    if (chars[i] < 9) {
      chars[i]++;
      break;
    }
    chars[i] = 0;
    i--;
  }
  kept = chars.join("");
  if (i < 0) return { digits: `1${kept}`, carry: true };
  return { digits: kept, carry: false };
}
function formatFixed(x, prec) {
  const neg = x < 0 || Object.is(x, -0);
  const { digits, point } = exactDigits(x);
  const { digits: kept, carry } = roundDigits(digits, point + prec);
  const pt = kept === "" ? 0 : point + (carry ? 1 : 0);
  const totalLen = Math.max(pt, 0) + prec;
  const padded = (pt < 0 ? "0".repeat(-pt) : "") + kept;
  const full = padded.padEnd(totalLen, "0");
  const intLen = Math.max(pt, 0);
  const intPart = intLen > 0 ? full.slice(0, intLen) : "0";
  const frac = full.slice(intLen, intLen + prec);
  const body = prec > 0 ? `${intPart}.${frac}` : intPart;
  return neg ? `-${body}` : body;
}
function formatGeneral(x, prec) {
  if (x === 0) return Object.is(x, -0) ? "-0" : "0";
  const neg = x < 0;
  const exact = exactDigits(x);
  const { digits: rounded, carry } = roundDigits(exact.digits, prec);
  const digs = rounded.replace(/0+$/, "");
  const nd = digs.length;
  const dp = exact.point + (carry ? 1 : 0);
  let eprec = prec;
  if (eprec > nd && nd >= dp) eprec = nd;
  const exp = dp - 1;
  let body;
  if (exp < -4 || exp >= eprec) {
    const p = Math.min(prec, nd);
    const mant = p > 1 ? `${digs[0]}.${digs.slice(1, p).padEnd(p - 1, "0")}` : digs[0];
    const e = Math.abs(exp);
    body = `${mant}e${exp < 0 ? "-" : "+"}${e < 10 ? `0${e}` : e}`;
  } else {
    const p = prec > dp ? nd : prec;
    const fracDigits = Math.max(p - dp, 0);
    const intPart = dp > 0 ? digs.slice(0, dp).padEnd(dp, "0") : "0";
    const frac = (dp < 0 ? "0".repeat(-dp) : "") + digs.slice(Math.max(dp, 0));
    body = fracDigits > 0 ? `${intPart}.${frac.padEnd(fracDigits, "0").slice(0, fracDigits)}` : intPart;
  }
  return neg ? `-${body}` : body;
}
function padLeft(s, width) {
  return s.length >= width ? s : " ".repeat(width - s.length) + s;
}
function formatGoValue(x) {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "+Inf";
  if (x === -Infinity) return "-Inf";
  if (x === 0) return Object.is(x, -0) ? "-0" : "0";
  const [mantissa, e] = x.toExponential().split("e");
  const exp = Number(e);
  if (exp < -4 || exp >= 6) {
    return `${mantissa}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  const neg = mantissa.startsWith("-");
  const digits = mantissa.replace(/^-/, "").replace(".", "");
  const point = exp + 1;
  let body;
  if (point <= 0) body = `0.${"0".repeat(-point)}${digits}`;
  else if (point >= digits.length) body = digits + "0".repeat(point - digits.length);
  else body = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return neg ? `-${body}` : body;
}

// src/analyze/stats/normal.ts
var SQRT_PI = Math.sqrt(Math.PI);
function erfSeries(x) {
  let term = x;
  let sum = x;
  const x2 = x * x;
  for (let n = 1; n < 200; n++) {
    term *= -x2 / n;
    const add = term / (2 * n + 1);
    sum += add;
    if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
  }
  return 2 / SQRT_PI * sum;
}
function erfcContinuedFraction(x) {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = x + a * d;
    d = Math.abs(d) < tiny ? tiny : d;
    c = x + a / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / SQRT_PI / f;
}
function erfc(x) {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 2.5) return 1 - erfSeries(x);
  return erfcContinuedFraction(x);
}
function normalCdf(z) {
  return erfc(-z / Math.SQRT2) / 2;
}

// src/analyze/stats/mann-whitney.ts
var SamplesEqualError = class extends Error {
  constructor() {
    super("all samples are equal");
  }
};
var EXACT_LIMIT = 50;
var EXACT_LIMIT_WITH_TIES = 25;
function mannWhitneyU(x1, x2) {
  const n1 = x1.length;
  const n2 = x2.length;
  if (n1 === 0 || n2 === 0) throw new Error("Mann-Whitney U test needs two non-empty samples");
  const merged = [...x1.map((v) => ({ v, first: true })), ...x2.map((v) => ({ v, first: false }))];
  merged.sort((a, b) => a.v - b.v);
  let r1 = 0;
  const groups = [];
  let hasTies = false;
  for (let i = 0; i < merged.length; ) {
    const start = i;
    const v = merged[i].v;
    let inFirst = merged[i].first ? 1 : 0;
    for (i++; i < merged.length && merged[i].v === v; i++) if (merged[i].first) inFirst++;
    if (inFirst > 0) r1 += (start + 1 + i) / 2 * inFirst;
    groups.push(i - start);
    if (i - start > 1) hasTies = true;
  }
  const u1 = r1 - n1 * (n1 + 1) / 2;
  const u2 = n1 * n2 - u1;
  const uSmall = Math.min(u1, u2);
  const exact = hasTies ? n1 <= EXACT_LIMIT_WITH_TIES && n2 <= EXACT_LIMIT_WITH_TIES : n1 <= EXACT_LIMIT && n2 <= EXACT_LIMIT;
  if (exact) {
    if (groups.length === 1) throw new SamplesEqualError();
    if (u1 === u2) return 1;
    return uCdf(uSmall, n1, n2, groups) * 2;
  }
  const t = groups.reduce((s, g) => s + (g * g * g - g), 0);
  const n = n1 + n2;
  const mu = n1 * n2 / 2;
  const sigma = Math.sqrt(n1 * n2 * (n + 1 - t / (n * (n - 1))) / 12);
  if (sigma === 0) throw new SamplesEqualError();
  let numer = u1 - mu;
  numer -= Math.sign(numer) * 0.5;
  const z = numer / sigma;
  return 2 * Math.min(normalCdf(z), 1 - normalCdf(z));
}
var distributions = /* @__PURE__ */ new Map();
var MAX_DISTRIBUTIONS = 4096;
function uCdf(u, n1, n2, groups) {
  const key = `${n1}:${n2}:${groups.join(",")}`;
  let cdf = distributions.get(key);
  if (!cdf) {
    cdf = uDistribution(n1, n2, groups);
    if (distributions.size >= MAX_DISTRIBUTIONS) distributions.clear();
    distributions.set(key, cdf);
  }
  return cdf[Math.min(Math.round(2 * u), cdf.length - 1)];
}
function uDistribution(n1, n2, groups) {
  const maxU2 = 2 * n1 * n2;
  let ways = [new Float64Array(maxU2 + 1)];
  ways[0][0] = 1;
  let placed = 0;
  for (const t of groups) {
    const next = [];
    const choose = binomialRow(t);
    for (let a = 0; a < ways.length; a++) {
      const row = ways[a];
      if (!row) continue;
      const second = placed - a;
      for (let k = 0; k <= t && a + k <= n1; k++) {
        if (t - k > n2 - second) continue;
        const add = 2 * k * second + k * (t - k);
        const target = next[a + k] ??= new Float64Array(maxU2 + 1);
        const c = choose[k];
        for (let w = 0; w + add <= maxU2; w++) {
          const x = row[w];
          if (x !== 0) target[w + add] += c * x;
        }
      }
    }
    ways = next;
    placed += t;
  }
  const final = ways[n1];
  let total = 0;
  for (let w = 0; w <= maxU2; w++) total += final[w];
  const cdf = new Float64Array(maxU2 + 1);
  let below = 0;
  for (let w = 0; w <= maxU2; w++) {
    below += final[w];
    cdf[w] = below / total;
  }
  return cdf;
}
function binomialRow(t) {
  const row = [1];
  for (let k = 1; k <= t; k++) row.push(row[k - 1] * (t - k + 1) / k);
  return row;
}

// src/analyze/stats/median-ci-table.ts
var MEDIAN_CI_95 = [
  [0, 0],
  [0, 2],
  [0, 3],
  [0, 4],
  [0, 5],
  [0, 5],
  [1, 6],
  [1, 7],
  [1, 7],
  [2, 8],
  [2, 9],
  [2, 9],
  [3, 10],
  [3, 11],
  [3, 11],
  [4, 12],
  [4, 12],
  [5, 13],
  [5, 14],
  [5, 14],
  [6, 15],
  [6, 16],
  [6, 16],
  [7, 17],
  [8, 18],
  [8, 18],
  [8, 19],
  [8, 19],
  [9, 20],
  [9, 20],
  [10, 21],
  [10, 22],
  [10, 22],
  [11, 23],
  [11, 23],
  [12, 24],
  [12, 24],
  [13, 25],
  [13, 26],
  [13, 26],
  [14, 27],
  [14, 27],
  [15, 28],
  [15, 29],
  [15, 29],
  [16, 30],
  [16, 30],
  [17, 31],
  [17, 31],
  [18, 32],
  [18, 32],
  [19, 33],
  [19, 34],
  [19, 34],
  [20, 35],
  [20, 35],
  [21, 36],
  [21, 36],
  [22, 37],
  [22, 38],
  [22, 38],
  [23, 39],
  [23, 39],
  [24, 40],
  [24, 40],
  [25, 41],
  [25, 42],
  [25, 42],
  [26, 43],
  [26, 43],
  [27, 44],
  [27, 44],
  [28, 45],
  [28, 45],
  [29, 46],
  [29, 47],
  [29, 47],
  [30, 48],
  [30, 48],
  [31, 49],
  [31, 49],
  [32, 50],
  [32, 50],
  [33, 51],
  [33, 52],
  [33, 52],
  [34, 53],
  [34, 53],
  [35, 54],
  [35, 54],
  [36, 55],
  [36, 55],
  [37, 56],
  [37, 57],
  [37, 57],
  [38, 58],
  [38, 58],
  [39, 59],
  [39, 59],
  [40, 60],
  [40, 60],
  [41, 61],
  [41, 61],
  [42, 62],
  [42, 63],
  [42, 63],
  [43, 64],
  [43, 64],
  [44, 65],
  [44, 65],
  [45, 66],
  [45, 66],
  [46, 67],
  [46, 67],
  [47, 68],
  [47, 69],
  [47, 69],
  [48, 70],
  [48, 70],
  [49, 71],
  [49, 71],
  [50, 72],
  [50, 72],
  [51, 73],
  [51, 73],
  [52, 74],
  [52, 75],
  [52, 75],
  [53, 76],
  [53, 76],
  [54, 77],
  [54, 77],
  [55, 78],
  [55, 78],
  [56, 79],
  [56, 79],
  [57, 80],
  [57, 81],
  [57, 81],
  [58, 82],
  [58, 82],
  [59, 83],
  [59, 83],
  [60, 84],
  [60, 84],
  [61, 85],
  [61, 85],
  [62, 86],
  [62, 86],
  [63, 87],
  [63, 88],
  [63, 88],
  [64, 89],
  [64, 89],
  [65, 90],
  [65, 90],
  [66, 91],
  [66, 91],
  [67, 92],
  [67, 92],
  [68, 93],
  [68, 93],
  [69, 94],
  [69, 95],
  [69, 95],
  [70, 96],
  [70, 96],
  [71, 97],
  [71, 97],
  [72, 98],
  [72, 98],
  [73, 99],
  [73, 99],
  [74, 100],
  [74, 100],
  [75, 101],
  [75, 102],
  [75, 102],
  [76, 103],
  [76, 103],
  [77, 104],
  [77, 104],
  [78, 105],
  [78, 105],
  [79, 106],
  [79, 106],
  [80, 107],
  [80, 107],
  [81, 108],
  [81, 109],
  [81, 109],
  [82, 110],
  [82, 110],
  [83, 111],
  [83, 111],
  [84, 112],
  [84, 112],
  [85, 113],
  [85, 113],
  [86, 114],
  [86, 114]
];

// src/analyze/stats/median.ts
function median(sorted) {
  const n = sorted.length;
  if (n === 0) return NaN;
  const k = Math.floor(n / 2);
  if (n % 2 === 1) return sorted[k];
  const a = sorted[k - 1];
  return a + 0.5 * (sorted[k] - a);
}
function medianCiOrders(n, confidence) {
  if (confidence >= 1) return { lo: 0, hi: n + 1 };
  if (confidence === 0.95 && n < MEDIAN_CI_95.length) {
    const [lo, hi] = MEDIAN_CI_95[n];
    return { lo, hi };
  }
  return computeMedianCiOrders(n, confidence);
}
function computeMedianCiOrders(n, confidence) {
  if (confidence >= 1) return { lo: 0, hi: n + 1 };
  return n <= 30 ? exactOrders(n, confidence) : approximateOrders(n, confidence);
}
function binomialPmfTable(n) {
  const out = [];
  let c = 1n;
  const denom = 2 ** n;
  for (let k = 0; k <= n; k++) {
    out.push(Number(c) / denom);
    c = c * BigInt(n - k) / BigInt(k + 1);
  }
  return out;
}
function exactOrders(n, confidence) {
  const pmf = binomialPmfTable(n);
  const at2 = (k) => k < 0 || k > n ? 0 : pmf[k];
  const x = Math.ceil((n + 1) * 0.5) - 1;
  let accum = at2(x);
  let l = x;
  let r = x + 1;
  let lp = at2(l - 1);
  let rp = at2(r);
  while (accum < confidence && (lp > 0 || rp > 0)) {
    if (lp >= rp) {
      accum += lp;
      l--;
      lp = at2(l - 1);
    } else {
      accum += rp;
      r++;
      rp = at2(r);
    }
  }
  return { lo: Math.max(l, 0), hi: Math.min(r, n + 1) };
}
function approximateOrders(n, confidence) {
  const mu = n / 2;
  const sigma = Math.sqrt(n) / 2;
  const cdf = (x) => normalCdf((x - mu) / sigma);
  const l1 = mu + sigma * inverseNormalCdf((1 - confidence) / 2);
  const r1 = 2 * mu - l1;
  const l = Math.floor(Math.floor(l1 - 0.5) + 0.5) + 1;
  let r = Math.floor(Math.ceil(r1 - 0.5) + 0.5) + 1;
  const mass = (lo, hi) => cdf(hi - 0.5) - cdf(lo - 0.5);
  const narrower = mass(l, r - 1);
  if (narrower >= confidence && narrower < mass(l, r)) r--;
  return { lo: Math.max(l, 0), hi: Math.min(r, n + 1) };
}
function inverseNormalCdf(p) {
  let lo = -40;
  let hi = 40;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
function samplesNeededForCi(confidence) {
  for (let n = 2; n <= 50; n++) {
    const o = medianCiOrders(n, confidence);
    if (o.lo > 0 && o.hi <= n) return `>= ${n}`;
  }
  return "> 50";
}

// src/analyze/stats/index.ts
function summarize(values, assume, confidence = 0.95) {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (assume === "exact") return summarizeExact(sorted);
  const center = median(sorted);
  const { lo: loOrder, hi: hiOrder } = medianCiOrders(n, confidence);
  const lo = loOrder < 1 ? -Infinity : sorted[loOrder - 1];
  const hi = hiOrder - 1 >= n ? Infinity : sorted[hiOrder - 1];
  const warnings = [];
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    warnings.push(
      `need ${samplesNeededForCi(confidence)} samples for confidence interval at level ${formatGoValue(confidence)}`
    );
  }
  return { center, lo, hi, n, warnings };
}
function summarizeExact(sorted) {
  let mode = sorted[0] ?? NaN;
  let modeCount = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    if (j - i > modeCount) {
      mode = sorted[i];
      modeCount = j - i;
    }
    i = j;
  }
  const lo = sorted[0] ?? NaN;
  const hi = sorted[sorted.length - 1] ?? NaN;
  const warnings = lo !== hi ? [
    `exact distribution expected, but values range from ${formatGoValue(lo)} to ${formatGoValue(hi)}`
  ] : [];
  return { center: mode, lo, hi, n: sorted.length, warnings };
}
var uTestMinP = {
  1: 1,
  2: 1 / 3,
  3: 1 / 10,
  4: 1 / 35,
  5: 1 / 126,
  6: 1 / 462,
  7: 1 / 1716,
  8: 1 / 6435,
  9: 1 / 24310
};
function samplesNeededForAlpha(alpha) {
  for (let n = 1; n <= 9; n++) if (uTestMinP[n] <= alpha) return { op: ">=", n };
  return { op: ">", n: 10 };
}
function compareSamples(base, head, assume, alpha = 0.05) {
  const n1 = base.length;
  const n2 = head.length;
  if (assume === "exact") return { p: 0, alpha: 0, n1, n2, warnings: [] };
  let p;
  try {
    p = mannWhitneyU(base, head);
  } catch (err) {
    if (err instanceof SamplesEqualError) return { p: 1, alpha, n1, n2, warnings: [err.message] };
    throw err;
  }
  const warnings = [];
  const need = samplesNeededForAlpha(alpha);
  if (p > alpha && n1 < need.n && n2 < need.n) {
    warnings.push(
      `need ${need.op} ${need.n} samples to detect a difference at alpha level ${formatGoValue(alpha)}`
    );
  }
  return { p, alpha, n1, n2, warnings };
}

// src/analyze/stats/multiple.ts
function adjustPValues(ps, method) {
  const m = ps.length;
  if (method === "none" || m === 0) return [...ps];
  const order = ps.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const out = new Array(m);
  if (method === "holm") {
    let running = 0;
    order.forEach(({ p, i }, k) => {
      running = Math.max(running, Math.min(1, (m - k) * p));
      out[i] = running;
    });
  } else {
    let running = 1;
    for (let k = m - 1; k >= 0; k--) {
      const { p, i } = order[k];
      running = Math.min(running, Math.min(1, m / (k + 1) * p));
      out[i] = running;
    }
  }
  return out;
}

// src/analyze/stats/wilcoxon.ts
var EXACT_LIMIT2 = 50;
var EXACT_LIMIT_WITH_TIES2 = 13;
function wilcoxonSignedRank(base, head) {
  if (base.length !== head.length) throw new Error("the signed-rank test needs paired samples");
  const diffs = base.map((b, i) => head[i] - b).filter((d) => d !== 0);
  const n = diffs.length;
  if (n === 0) throw new SamplesEqualError();
  const sorted = diffs.map((d) => ({ d, a: Math.abs(d) })).sort((x, y) => x.a - y.a);
  const rank2 = new Array(n);
  const groups = [];
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && sorted[j].a === sorted[i].a) j++;
    for (let k = i; k < j; k++) rank2[k] = i + 1 + j;
    groups.push(j - i);
    i = j;
  }
  let wPlus2 = 0;
  for (let k = 0; k < n; k++) if (sorted[k].d > 0) wPlus2 += rank2[k];
  const total2 = n * (n + 1);
  const ties = groups.length < n;
  if (n <= (ties ? EXACT_LIMIT_WITH_TIES2 : EXACT_LIMIT2)) {
    const counts = new Float64Array(total2 + 1);
    counts[0] = 1;
    let reach = 0;
    for (let k = 0; k < n; k++) {
      const r = rank2[k];
      for (let w = reach; w >= 0; w--) if (counts[w] !== 0) counts[w + r] += counts[w];
      reach += r;
    }
    const small = Math.min(wPlus2, total2 - wPlus2);
    let tail = 0;
    for (let w = 0; w <= small; w++) tail += counts[w];
    return Math.min(1, 2 * tail / 2 ** n);
  }
  const tie = groups.reduce((s, t) => s + (t * t * t - t), 0);
  const mean = n * (n + 1) / 4;
  const sd = Math.sqrt(n * (n + 1) * (2 * n + 1) / 24 - tie / 48);
  if (sd === 0) throw new SamplesEqualError();
  let numer = wPlus2 / 2 - mean;
  numer -= Math.sign(numer) * 0.5;
  const z = numer / sd;
  return Math.min(1, 2 * Math.min(normalCdf(z), 1 - normalCdf(z)));
}

// src/analyze/verdict.ts
function excuses(accept, benchmark) {
  if (accept.patterns.length === 0) return true;
  const name = benchmark.slice(benchmark.lastIndexOf(".") + 1).replace(/^Benchmark/, "");
  const bare = name.replace(/-\d+$/, "");
  return accept.patterns.some((p) => globMatches(p, name) || globMatches(p, bare));
}
function beyond(f, worse) {
  const delta = f.head.center - f.base.center;
  const signed2 = f.higherIsBetter ? -delta : delta;
  if (worse ? signed2 <= 0 : signed2 >= 0) return false;
  const abs = Math.abs(delta);
  const rel = Math.abs(f.change);
  return abs > f.limit.floor && rel > f.limit.pct / 100;
}
function benchmarkVerdict(f, alpha) {
  if (f.verdict === "only-base" || f.verdict === "only-head") return f.verdict;
  if (f.method === "none") return f.verdict;
  const significant2 = f.method === "exact" || !(f.p > alpha);
  if (f.method === "exact" && f.base.center === f.head.center) return "unchanged";
  if (significant2 && beyond(f, true)) return "regression";
  if (significant2 && beyond(f, false)) return "improvement";
  return "unchanged";
}
function profileGrowthFails(g) {
  return g.limit !== void 0 && g.basis !== "benchmark" && g.significant && g.points > g.limit;
}
function profileRegressions(p) {
  const seen = /* @__PURE__ */ new Map();
  for (const c of p?.changes ?? [])
    for (const f of c.grown.filter((g) => g.regression))
      seen.set(`${f.benchmark ?? ""}\0${f.name}`, [f.benchmark ?? "", f.name]);
  return [...seen.values()];
}
function profileRegressionCount(p) {
  return profileRegressions(p).length;
}
var plural = (n, w) => `${n} ${w}${n === 1 ? "" : "s"}`;
function describeShards(incomplete) {
  return incomplete.map((m) => `shard ${m.shard} ${m.why}`).join("; ");
}
function describeRegressions(benchmarks, functions) {
  const parts = [];
  if (benchmarks > 0) parts.push(`${plural(benchmarks, "benchmark")} regressed beyond the limits`);
  if (functions > 0) parts.push(`${plural(functions, "function")} grew beyond the profile limits`);
  return parts;
}
function decideVerdict(gate2, failures, missingBaseline, profiles, incomplete = [], accept) {
  const decided = (verdict, reason, accepted2 = []) => accept ? { verdict, reason, accepted: accepted2 } : { verdict, reason };
  if (failures.length > 0) return decided("fail", "the benchmark run has failures");
  const shards = incomplete.length > 0 ? `incomplete: ${plural(incomplete.length, "shard")} missing or failed: ${describeShards(incomplete)}` : void 0;
  const comparedProfiles = (profiles?.changes.length ?? 0) > 0 || profiles?.goroutinesCompared === true;
  if (!gate2 && !comparedProfiles) {
    if (shards) return decided("incomplete", shards);
    return decided(
      "no-baseline",
      missingBaseline === "fail" ? "no baseline to compare with (missing-baseline: fail)" : "no baseline to compare with yet: head measured and reported alone"
    );
  }
  const excused = (benchmark) => accept !== void 0 && excuses(accept, benchmark);
  const regressed = gate2?.benchmarks.regressed ?? [];
  const functions = profileRegressions(profiles);
  const accepted = regressed.filter(excused);
  const failing = describeRegressions(
    regressed.length - accepted.length,
    functions.filter(([b]) => !excused(b)).length
  );
  const excusedParts = describeRegressions(
    accepted.length,
    functions.filter(([b]) => excused(b)).length
  );
  const byLabel = accept ? `accepted by label ${JSON.stringify(accept.label)}` : "";
  if (failing.length > 0) {
    if (excusedParts.length > 0) failing.push(`${excusedParts.join(", ")}: ${byLabel}`);
    if (shards) failing.push(shards);
    return decided("fail", failing.join("; "), accepted);
  }
  if (shards) return decided("incomplete", shards, accepted);
  if (excusedParts.length > 0)
    return decided("accepted", `${excusedParts.join("; ")}, ${byLabel}`, accepted);
  if (gate2?.verdict === "no-comparison")
    return decided("no-comparison", gate2.cause ?? "nothing to compare");
  return decided("pass", "no regression beyond the limits");
}
function exitCodeFor(verdict) {
  return verdict === "fail" || verdict === "incomplete" ? 1 : verdict === "no-comparison" ? 2 : 0;
}

// src/analyze/gate.ts
var defaultGateOptions = {
  alpha: 0.05,
  confidence: 0.95,
  correction: "holm",
  test: "mann-whitney",
  rules: [
    { unit: "sec/op", limit: { pct: 10, floor: 0 } },
    { unit: "B/op", limit: { pct: 5, floor: 64 } },
    { unit: "allocs/op", limit: { pct: 0, floor: 0 } }
  ],
  fallback: { pct: 10, floor: 0 },
  gateTimings: true
};
function isTimingUnit(unit) {
  return /(^|[^a-z])(sec|ns)\b/.test(unit) || /\/(s|sec|second)$/.test(unit);
}
function globMatches(pattern, name) {
  const re = new RegExp(`^${pattern.split("*").map(escapeRegExp).join(".*")}$`);
  return re.test(name) || re.test(`Benchmark${name}`);
}
function escapeRegExp(s) {
  return s.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
}
function limitFor(options, name, unit) {
  let limit = options.fallback;
  for (const r of options.rules) {
    if (r.unit === unit && (r.pattern === void 0 || globMatches(r.pattern, name)))
      limit = r.limit;
  }
  return limit;
}
var allEqual = (xs) => xs.every((x) => x === xs[0]);
var PROCS_SUFFIX = /-(\d+)$/;
function commonProcs(file) {
  let procs;
  for (const r of file.results) {
    const m = PROCS_SUFFIX.exec(r.name);
    if (!m || procs !== void 0 && m[1] !== procs) return void 0;
    procs = m[1];
  }
  return procs;
}
function pairByIdentity(base, head, identity) {
  const pairs = /* @__PURE__ */ new Map();
  const unitOrder = /* @__PURE__ */ new Map();
  const rowOrder = /* @__PURE__ */ new Map();
  for (const [side2, file] of [
    ["base", base],
    ["head", head]
  ]) {
    const procs = commonProcs(file);
    for (const r of file.results) {
      const name = procs === void 0 ? r.name : r.name.replace(PROCS_SUFFIX, "");
      const id = identity.map((k) => [k, r.config[k] ?? ""]);
      const idKey = JSON.stringify(id);
      const row = `${idKey}\0${name}`;
      if (!rowOrder.has(row)) rowOrder.set(row, rowOrder.size);
      for (const v of r.values) {
        if (!unitOrder.has(v.unit)) unitOrder.set(v.unit, unitOrder.size);
        const key = `${row}\0${v.unit}`;
        let p = pairs.get(key);
        if (!p) {
          const order = rowOrder.get(row);
          p = {
            identity: id,
            idKey,
            name: r.name,
            unit: v.unit,
            base: [],
            head: [],
            fromSetBytes: false,
            row: order
          };
          pairs.set(key, p);
        }
        if (side2 === "head" && p.head.length === 0) p.name = r.name;
        p[side2].push(v.value);
        if (v.orig?.unit === "MB/s") p.fromSetBytes = true;
      }
    }
  }
  return [...pairs.values()].sort(
    (a, b) => (a.idKey < b.idKey ? -1 : a.idKey > b.idKey ? 1 : 0) || unitOrder.get(a.unit) - unitOrder.get(b.unit) || a.row - b.row
  );
}
function gate(base, head, options = defaultGateOptions) {
  const identity = options.identity ?? ["pkg"];
  const pairs = pairByIdentity(base, head, identity);
  const timed = new Set(
    pairs.filter((p) => p.unit === "sec/op").map((p) => JSON.stringify([p.identity, p.name]))
  );
  const findings = pairs.map((p) => {
    const f = judgePair(p, options, base, head);
    if (p.fromSetBytes && timed.has(JSON.stringify([p.identity, p.name]))) f.restates = "sec/op";
    return f;
  });
  const family = findings.filter((f) => f.rawP !== void 0 && f.gated && !f.restates);
  const others = findings.filter((f) => f.rawP !== void 0 && !(f.gated && !f.restates));
  for (const group of [family, others]) {
    const adjusted = adjustPValues(
      group.map((f) => f.rawP),
      options.correction
    );
    group.forEach((f, i) => f.p = adjusted[i]);
  }
  for (const f of findings) f.verdict = benchmarkVerdict(f, options.alpha);
  const notes = [];
  const single = findings.some((f) => f.base?.n === 1 && f.head?.n === 1);
  if (single) {
    notes.push(
      "each benchmark ran once (-count 1): no statistics are possible, so only units whose values are exact were compared; run with -count 10 or more"
    );
  }
  const counted = (f) => f.gated && !f.restates;
  const regressions = findings.filter((f) => f.verdict === "regression" && counted(f));
  const improvements = findings.filter((f) => f.verdict === "improvement" && counted(f));
  const benchmarks = countBenchmarks(findings, regressions, improvements);
  const sides = { base: sideInfo(base, identity), head: sideInfo(head, identity) };
  const cause = benchmarks.compared === 0 ? noComparisonCause(sides) : void 0;
  return {
    findings,
    verdict: cause ? "no-comparison" : regressions.length > 0 ? "fail" : "pass",
    regressions,
    improvements,
    benchmarks,
    machines: machineDifference(base, head, identity),
    power: powerNotes(family, options),
    cause,
    sides,
    notes,
    options
  };
}
var benchKey = (f) => JSON.stringify([f.config, f.name]);
function uniqueNames(fs) {
  const seen = /* @__PURE__ */ new Map();
  for (const f of fs) if (!seen.has(benchKey(f))) seen.set(benchKey(f), f.name);
  return [...seen.values()];
}
function countBenchmarks(findings, regressions, improvements) {
  const both2 = findings.filter((f) => f.base && f.head);
  const regressed = new Set(regressions.map(benchKey));
  return {
    compared: uniqueNames(both2).length,
    regressed: uniqueNames(regressions),
    // A benchmark that regressed in one unit is not also counted as improved.
    improved: uniqueNames(improvements.filter((f) => !regressed.has(benchKey(f)))),
    added: uniqueNames(findings.filter((f) => f.verdict === "only-head")),
    removed: uniqueNames(findings.filter((f) => f.verdict === "only-base"))
  };
}
function sideInfo(file, identity) {
  const names = [...new Set(file.results.map((r) => r.name))];
  const packages = [
    ...new Set(
      file.results.map((r) => identity.map((k) => r.config[k] ?? "").join(" ")).filter(Boolean)
    )
  ];
  return { label: file.label, benchmarks: names.length, packages, examples: names.slice(0, 3) };
}
function describeSide(s) {
  if (s.benchmarks === 0) return `${s.label} has no benchmark results`;
  const more = s.benchmarks > s.examples.length ? ", …" : "";
  const where2 = s.packages.length > 0 ? ` in ${s.packages.slice(0, 3).join(", ")}` : "";
  return `${s.label} has ${s.benchmarks} benchmark${s.benchmarks === 1 ? "" : "s"}${where2} (${s.examples.join(", ")}${more})`;
}
function noComparisonCause(sides) {
  return `nothing to compare: ${describeSide(sides.base)}; ${describeSide(sides.head)}; no benchmark is in both`;
}
function machineDifference(base, head, identity) {
  const valuesOf = (f) => {
    const m = /* @__PURE__ */ new Map();
    for (const r of f.results)
      for (const [k, v] of Object.entries(r.config))
        if (!identity.includes(k)) (m.get(k) ?? m.set(k, /* @__PURE__ */ new Set()).get(k)).add(v);
    const procs = commonProcs(f);
    if (procs !== void 0) m.set("GOMAXPROCS", /* @__PURE__ */ new Set([procs]));
    return m;
  };
  const b = valuesOf(base);
  const h = valuesOf(head);
  const diffs = [];
  for (const k of /* @__PURE__ */ new Set([...b.keys(), ...h.keys()])) {
    const bv = [...b.get(k) ?? []].join(", ") || "(none)";
    const hv = [...h.get(k) ?? []].join(", ") || "(none)";
    if (bv !== hv) diffs.push(`${k} ${bv} vs ${hv}`);
  }
  return diffs.length > 0 ? diffs.join("; ") : void 0;
}
function judgePair(p, options, baseFile, headFile) {
  const { unit } = p;
  const baseValues = p.base.length > 0 ? p.base : void 0;
  const headValues = p.head.length > 0 ? p.head : void 0;
  const meta = baseFile.units[unit] ?? headFile.units[unit];
  const finding = {
    name: p.name,
    unit,
    config: p.identity,
    method: "none",
    limit: limitFor(options, p.name, unit),
    higherIsBetter: higherIsBetter(unit, meta),
    verdict: "inconclusive",
    gated: options.gateTimings || !isTimingUnit(unit),
    notes: []
  };
  if (baseValues) finding.base = summarize(baseValues, "nothing", options.confidence);
  if (headValues) finding.head = summarize(headValues, "nothing", options.confidence);
  if (!baseValues || !headValues) {
    finding.verdict = baseValues ? "only-base" : "only-head";
    return finding;
  }
  const b = finding.base;
  const h = finding.head;
  finding.change = b.center === 0 ? h.center === 0 ? 0 : Infinity : h.center / b.center - 1;
  const declared = meta?.assume === "exact";
  const single = baseValues.length < 2 || headValues.length < 2;
  const countsAllocations = unit === "allocs/op" || unit === "B/op";
  if (declared || allEqual(baseValues) && allEqual(headValues) && (!single || countsAllocations)) {
    finding.method = "exact";
    return finding;
  }
  if (single) {
    finding.notes.push(
      `${baseValues.length} and ${headValues.length} runs: too few to tell a change from noise`
    );
    return finding;
  }
  const paired = options.test === "wilcoxon" && baseValues.length === headValues.length;
  finding.method = paired ? "wilcoxon" : "mann-whitney";
  try {
    finding.rawP = paired ? wilcoxonSignedRank(baseValues, headValues) : mannWhitneyU(baseValues, headValues);
  } catch (err) {
    if (!(err instanceof SamplesEqualError)) throw err;
    finding.rawP = 1;
  }
  for (const w of [...b.warnings, ...h.warnings])
    if (!finding.notes.includes(w)) finding.notes.push(w);
  if (countsAllocations) {
    finding.notes.push(
      `${unit} varies between runs here, so it is judged by the test rather than exactly`
    );
  }
  return finding;
}
function thresholdFor(alpha, correction, m) {
  return correction === "none" || m <= 1 ? alpha : alpha / m;
}
var minPCache = /* @__PURE__ */ new Map();
function smallestPossibleP(method, n1, n2) {
  const key = `${method}:${n1}:${n2}`;
  let p = minPCache.get(key);
  if (p === void 0) {
    const lo = Array.from({ length: n1 }, (_, i) => i);
    const hi = Array.from({ length: n2 }, (_, i) => n1 + i);
    p = method === "wilcoxon" ? wilcoxonSignedRank(
      lo,
      lo.map((x, i) => x + n1 + i + 1)
    ) : mannWhitneyU(lo, hi);
    minPCache.set(key, p);
  }
  return p;
}
function countNeeded(method, threshold) {
  for (let n = 2; n < 1e3; n++) if (smallestPossibleP(method, n, n) <= threshold) return n;
  return 1e3;
}
function powerNotes(family, options) {
  const threshold = thresholdFor(options.alpha, options.correction, family.length);
  const byUnit = /* @__PURE__ */ new Map();
  for (const f of family) (byUnit.get(f.unit) ?? byUnit.set(f.unit, []).get(f.unit)).push(f);
  const notes = [];
  for (const [unit, fs] of byUnit) {
    let blind = 0;
    let n = Infinity;
    let minP = 0;
    let method = "mann-whitney";
    for (const f of fs) {
      const m = f.method === "wilcoxon" ? "wilcoxon" : "mann-whitney";
      const p = smallestPossibleP(m, f.base.n, f.head.n);
      if (p <= threshold) continue;
      blind++;
      const size = Math.min(f.base.n, f.head.n);
      if (size < n) {
        n = size;
        minP = p;
        method = m;
      }
    }
    if (blind === 0) continue;
    notes.push({
      unit,
      blind,
      tested: fs.length,
      n,
      minP,
      threshold,
      family: family.length,
      countNeeded: countNeeded(method, threshold)
    });
  }
  return notes;
}

// src/collect/go-bench.ts
import { mkdtemp as mkdtemp2, readFile, rm as rm2 } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import path2 from "node:path";

// src/collect/git-worktree.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

// src/collect/child-env.ts
var CONTEXT_VARIABLES = /* @__PURE__ */ new Set([
  "GITHUB_ACTION",
  "GITHUB_ACTION_PATH",
  "GITHUB_ACTION_REPOSITORY",
  "GITHUB_ACTIONS",
  "GITHUB_ACTOR",
  "GITHUB_ACTOR_ID",
  "GITHUB_API_URL",
  "GITHUB_BASE_REF",
  "GITHUB_EVENT_NAME",
  "GITHUB_GRAPHQL_URL",
  "GITHUB_HEAD_REF",
  "GITHUB_JOB",
  "GITHUB_REF",
  "GITHUB_REF_NAME",
  "GITHUB_REF_PROTECTED",
  "GITHUB_REF_TYPE",
  "GITHUB_REPOSITORY",
  "GITHUB_REPOSITORY_ID",
  "GITHUB_REPOSITORY_OWNER",
  "GITHUB_REPOSITORY_OWNER_ID",
  "GITHUB_RETENTION_DAYS",
  "GITHUB_RUN_ATTEMPT",
  "GITHUB_RUN_ID",
  "GITHUB_RUN_NUMBER",
  "GITHUB_SERVER_URL",
  "GITHUB_SHA",
  "GITHUB_TRIGGERING_ACTOR",
  "GITHUB_WORKFLOW",
  "GITHUB_WORKFLOW_REF",
  "GITHUB_WORKFLOW_SHA",
  "GITHUB_WORKSPACE"
]);
function keptForBenchmarks(name) {
  const n = name.toUpperCase();
  if (n.startsWith("INPUT_") || n.startsWith("ACTIONS_")) return false;
  if (n.startsWith("GITHUB_")) return CONTEXT_VARIABLES.has(n);
  return true;
}
function benchmarkEnv(env) {
  const out = {};
  for (const [k, v] of Object.entries(env)) if (v !== void 0 && keptForBenchmarks(k)) out[k] = v;
  return out;
}

// src/collect/git-worktree.ts
async function git(runner, cwd, args) {
  const r = await runner.run("git", args, { cwd });
  if (r.code !== 0) throw new UserError(`git ${args.join(" ")} failed:
${r.output.trim()}`);
  return r.stdout.trim();
}
async function resolveCommit(runner, root2, ref) {
  const r = await runner.run("git", ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], {
    cwd: root2
  });
  return r.code === 0 ? r.stdout.trim() : void 0;
}
async function baseCommit(runner, root2, baseRef, log) {
  const found = await resolveCommit(runner, root2, baseRef);
  if (found) return found;
  const origin = await runner.run("git", ["remote", "get-url", "origin"], { cwd: root2 });
  if (origin.code !== 0) {
    throw new UserError(`base ref "${baseRef}" is not a commit of the repository at ${root2}`);
  }
  const shallow = await runner.run("git", ["rev-parse", "--is-shallow-repository"], { cwd: root2 });
  const isShallow = shallow.stdout.trim() === "true";
  log(
    `base ${baseRef} is not in this ${isShallow ? "shallow " : ""}checkout: fetching it from origin`
  );
  const fetch2 = await runner.run(
    "git",
    ["fetch", "--no-tags", "--no-recurse-submodules", "--depth=1", "origin", baseRef],
    { cwd: root2, env: { ...benchmarkEnv(process.env), GIT_TERMINAL_PROMPT: "0" } }
  );
  const fetched = fetch2.code === 0 ? await resolveCommit(runner, root2, baseRef) ?? await resolveCommit(runner, root2, "FETCH_HEAD") : void 0;
  if (fetched) return fetched;
  const why = lastLine(fetch2.output) || `git fetch exited with ${fetch2.code}`;
  if (isShallow) {
    throw new UserError(
      `the base commit ${baseRef} is not in this shallow checkout and could not be fetched from origin (${why}): set \`fetch-depth: 0\` in actions/checkout's \`with:\` so the base commit is checked out too`
    );
  }
  throw new UserError(
    `base ref "${baseRef}" is not a commit of the repository at ${root2}, nor one origin has (${why})`
  );
}
function lastLine(output) {
  return output.trim().split("\n").map((l) => l.trim()).filter((l) => l !== "").pop() ?? "";
}
async function withBaseWorktree(runner, dirInRepo, baseRef, log, task) {
  const root2 = await git(runner, dirInRepo, ["rev-parse", "--show-toplevel"]);
  const baseSha = await baseCommit(runner, root2, baseRef, log);
  const work = await mkdtemp(path.join(tmpdir(), "perfgate-rerun-"));
  const tree = path.join(work, "base");
  try {
    const named = baseSha.startsWith(baseRef.toLowerCase()) ? "" : ` (${baseRef})`;
    log(`checking out base ${baseSha.slice(0, 12)}${named} into a temporary worktree`);
    await git(runner, root2, ["worktree", "add", "--detach", tree, baseSha]);
    return await task({ root: root2, tree, baseSha, work });
  } finally {
    await runner.run("git", ["worktree", "remove", "--force", tree], { cwd: root2 });
    await rm(work, { recursive: true, force: true });
  }
}

// src/parse/benchfmt/index.ts
var MAX_DETAIL_LINES = 40;
var configKey = /^[^\s:A-Z]*$/u;
function configLine(line) {
  const colon = line.indexOf(":");
  if (colon <= 0) return void 0;
  const key = line.slice(0, colon);
  if (!new RegExp("^\\p{Ll}", "u").test(key) || !configKey.test(key)) return void 0;
  const rest = line.slice(colon + 1);
  if (rest !== "" && !/^[ \t]/.test(rest)) return void 0;
  return [key, rest.replace(/^[ \t]+/, "")];
}
function parseIterations(text) {
  if (!/^[+-]?\d(_?\d)*$/.test(text)) return void 0;
  return Number(text.replace(/_/g, ""));
}
function parseMeasurement(text) {
  if (/^[+-]?(inf|infinity)$/i.test(text)) return text.startsWith("-") ? -Infinity : Infinity;
  if (/^nan$/i.test(text)) return NaN;
  if (!/^[+-]?(\d(_?\d)*(\.(\d(_?\d)*)?)?|\.\d(_?\d)*)([eE][+-]?\d+)?$/.test(text))
    return void 0;
  const v = Number(text.replace(/_/g, ""));
  return Number.isFinite(v) ? v : void 0;
}
function parseBenchText(text, label) {
  const file = { label, results: [], failures: [], diagnostics: [], units: {} };
  const state = { file, config: {}, open: void 0 };
  const lines = text.split("\n");
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  lines.forEach((raw, i) => parseLine(raw.endsWith("\r") ? raw.slice(0, -1) : raw, i + 1, state));
  return file;
}
function parseLine(line, n, state) {
  const { file } = state;
  const pos = { file: file.label, line: n };
  if (state.open && collectDetail(line, state.open)) return;
  state.open = void 0;
  if (line.startsWith("Benchmark")) {
    const failure3 = failureOnResultLine(line, pos);
    if (failure3) {
      addFailure(state, failure3);
      return;
    }
    const parsed = parseResultLine(line);
    if (parsed === "skip") return;
    if (typeof parsed === "string") {
      file.diagnostics.push({ ...pos, message: parsed });
      return;
    }
    if ("invalid" in parsed) {
      file.diagnostics.push({ ...pos, message: parsed.invalid, fatal: true });
      return;
    }
    file.results.push({ ...parsed, config: { ...state.config }, pos });
    return;
  }
  if (line.startsWith("Unit")) {
    const fields = line.split(/\s+/).filter((f) => f !== "");
    if (fields[0] === "Unit") {
      const message = parseUnitLine(fields, file.units);
      if (message) file.diagnostics.push({ ...pos, message });
      return;
    }
  }
  const failure2 = failureLine(line, pos);
  if (failure2) {
    addFailure(state, failure2);
    return;
  }
  const kv = configLine(line);
  if (kv) {
    const [key, value] = kv;
    if (value === "") delete state.config[key];
    else state.config[key] = value;
  }
}
function invalidValue(value, unit, name) {
  const where2 = `for unit ${unit} in Benchmark${name}`;
  if (Number.isNaN(value)) return `NaN value ${where2}`;
  if (!Number.isFinite(value)) return `${value > 0 ? "+Inf" : "-Inf"} value ${where2}`;
  if (value < 0 && isNonNegativeUnit(unit)) {
    return `negative value ${value} ${where2} (${unit} cannot be negative)`;
  }
  return void 0;
}
function parseResultLine(line) {
  const rest = line.slice("Benchmark".length);
  const nameEnd = rest.search(/\s/);
  if (nameEnd < 0) return "skip";
  const name = rest.slice(0, nameEnd);
  const fields = rest.slice(nameEnd).split(/\s+/).filter((f) => f !== "");
  if (fields.length === 0) return "missing iteration count";
  const iterations = parseIterations(fields[0]);
  if (iterations === void 0) return "parsing iteration count: invalid syntax";
  if (fields.length === 1) return "missing measurements";
  const values = [];
  for (let i = 1; i < fields.length; i += 2) {
    const value = parseMeasurement(fields[i]);
    if (value === void 0) return "parsing measurement: invalid syntax";
    const unit = fields[i + 1];
    if (unit === void 0) return "missing units";
    const invalid2 = invalidValue(value, unit, name);
    if (invalid2) return { invalid: invalid2 };
    const tidy = tidyUnit(unit);
    const tidied = value * tidy.factor;
    if (tidied === value || tidy.unit === unit) values.push({ value, unit });
    else values.push({ value: tidied, unit: tidy.unit, orig: { value, unit } });
  }
  return { name, iterations, values };
}
function parseUnitLine(fields, units) {
  const unit = fields[1];
  if (unit === void 0) return "missing unit";
  const tidied = tidyUnit(unit).unit;
  const meta = units[tidied] ??= {};
  for (const field of fields.slice(2)) {
    const eq = field.indexOf("=");
    if (eq <= 0) return "expected key=value";
    const key = field.slice(0, eq);
    const value = field.slice(eq + 1);
    if (key === "assume") {
      const assume = value === "exact" ? "exact" : "nothing";
      if (meta.assume && meta.assume !== assume) {
        return `metadata assume of unit ${tidied} already set to ${meta.assume}`;
      }
      meta.assume = assume;
    } else if (key === "better" && (value === "higher" || value === "lower")) {
      if (meta.better && meta.better !== value) {
        return `metadata better of unit ${tidied} already set to ${meta.better}`;
      }
      meta.better = value;
    }
  }
  return void 0;
}
function failureOnResultLine(line, pos) {
  const m = /^Benchmark(\S+)\s+(--- FAIL: .*|panic: .*)$/.exec(line);
  if (!m) return void 0;
  const kind = m[2].startsWith("panic:") ? "panic" : "benchmark";
  return failure(kind, `Benchmark${m[1]}`, m[2], pos);
}
function failure(kind, subject, detail, pos) {
  return { file: pos.file, line: pos.line, kind, subject, detail };
}
function failureLine(line, pos) {
  let m = /^\s*--- FAIL: (\S+)/.exec(line);
  if (m) return failure("benchmark", m[1], line.trim(), pos);
  if (line.startsWith("panic: ")) return failure("panic", "", line, pos);
  m = /^FAIL\s+(\S+)\s+\[build failed\]/.exec(line);
  if (m) return failure("build", m[1], line, pos);
  m = /^FAIL\s+(\S+)\s+\S+s$/.exec(line) ?? /^FAIL\s+(\S+)\s+\[setup failed\]/.exec(line);
  if (m) return failure("package", m[1], line, pos);
  m = /^# (\S+)/.exec(line);
  if (m) return failure("build", m[1], "", pos);
  return void 0;
}
function addFailure(state, f) {
  const failures = state.file.failures;
  const build = failures.find((x) => x.kind === "build" && x.subject === f.subject);
  if (build && f.kind === "build") {
    build.detail = [build.detail, f.detail].filter((d) => d !== "").join("\n");
    return;
  }
  failures.push(f);
  state.open = f;
}
function collectDetail(line, f) {
  const belongs = f.kind === "build" ? /^\S+\.go:\d+(:\d+)?: /.test(line) || /^\s+/.test(line) : f.kind === "panic" ? line !== "" && !/^(FAIL|ok|PASS|exit status)\b/.test(line) && !line.startsWith("Benchmark") : /^\s{4}/.test(line);
  if (!belongs)
    return f.kind === "panic" && line === "" && !f.detail.endsWith("\n\n") && addBlank(f);
  const count = f.detail.split("\n").length;
  if (count < MAX_DETAIL_LINES) f.detail = f.detail === "" ? line : `${f.detail}
${line}`;
  else if (count === MAX_DETAIL_LINES) f.detail += "\n…";
  return true;
}
function addBlank(f) {
  f.detail += "\n";
  return true;
}

// src/parse/benchfmt/load.ts
function failureMessage(f) {
  return `${f.file}:${f.line}: ${failureText(f)}`;
}
function failureText(f) {
  const detail = f.detail.trim();
  switch (f.kind) {
    case "build":
      return `package ${f.subject} failed to build${detail ? `:
${indent(detail)}` : ""}`;
    case "panic":
      return `${f.subject ? `${f.subject} ` : ""}panicked${detail ? `:
${indent(detail)}` : ""}`;
    case "package":
      return `package ${f.subject} failed`;
    default:
      return `${f.subject} failed${detail ? `:
${indent(detail)}` : ""}`;
  }
}
function indent(text) {
  return text.split("\n").map((l) => `    ${l}`).join("\n");
}
var SNIFF_BYTES = 8192;
function binaryKind(bytes2) {
  const head = bytes2.subarray(0, SNIFF_BYTES);
  const starts = (...magic) => magic.every((b, i) => head[i] === b);
  if (starts(31, 139)) return "a gzip file (a pprof profile?)";
  if (starts(127, 69, 76, 70)) return "an executable (ELF; a test binary?)";
  if (starts(80, 75, 3, 4)) return "a zip archive";
  if (head.includes(0)) return "binary data";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
  } catch {
    return "binary data (not UTF-8 text)";
  }
  return void 0;
}
function binaryTextKind(text) {
  const head = text.slice(0, SNIFF_BYTES);
  if (head.startsWith("�")) return "a gzip file (a pprof profile?)";
  if (head.startsWith("ELF")) return "an executable (ELF; a test binary?)";
  if (head.startsWith("PK")) return "a zip archive";
  if (head.includes("\0")) return "binary data";
  if (head.includes("��")) return "binary data (not UTF-8 text)";
  return void 0;
}
function invalidValueMessages(file) {
  const byCause = /* @__PURE__ */ new Map();
  for (const d of file.diagnostics) {
    if (!d.fatal) continue;
    const seen = byCause.get(d.message);
    if (seen) seen.more++;
    else byCause.set(d.message, { first: d, more: 0 });
  }
  return [...byCause.values()].map(
    ({ first, more }) => `${first.file}:${first.line}: ${first.message}${more > 0 ? ` (and ${more} more line${more > 1 ? "s" : ""})` : ""}`
  );
}
function parseBenchOutput(input, label) {
  const kind = typeof input === "string" ? binaryTextKind(input) : binaryKind(input);
  if (kind) throw new UserError(`${label}: not benchmark text: it is ${kind}`);
  const text = typeof input === "string" ? input : new TextDecoder().decode(input);
  if (text.trim() === "") throw new UserError(`${label}: empty file: no benchmark results`);
  const file = parseBenchText(text, label);
  const invalid2 = file.failures.length > 0 ? [] : invalidValueMessages(file);
  if (invalid2.length > 0) throw new UserError(invalid2.join("\n"));
  if (file.results.length === 0 && file.failures.length === 0) {
    const start = text.split("\n").filter((l) => l.trim() !== "").slice(0, 3).map((l) => `
    ${l.slice(0, 200)}`).join("");
    const lines = file.diagnostics.length > 0 ? file.diagnostics.map((d) => `
${d.file}:${d.line}: ${d.message}`).join("") : `
it starts:${start}`;
    throw new UserError(
      `${label}: no benchmark results: expected lines like "BenchmarkName-8  1000  1234 ns/op"${lines}`
    );
  }
  return file;
}
function unitMismatches(base, head) {
  const unitsOf = (f) => {
    const m = /* @__PURE__ */ new Map();
    for (const r of f.results) {
      const s = m.get(r.name) ?? /* @__PURE__ */ new Set();
      for (const v of r.values) s.add(v.unit);
      m.set(r.name, s);
    }
    return m;
  };
  const b = unitsOf(base);
  const h = unitsOf(head);
  const out = [];
  for (const [name, bu] of b) {
    const hu = h.get(name);
    if (!hu) continue;
    const same = bu.size === hu.size && [...bu].every((u) => hu.has(u));
    if (!same) {
      out.push(
        `${name} reports ${[...bu].join(", ")} in ${base.label} but ${[...hu].join(", ")} in ${head.label}: run both sides with the same flags (e.g. -benchmem)`
      );
    }
  }
  return out;
}
function mergeBenchFiles(label, files2) {
  const units = {};
  for (const f of files2)
    for (const [u, m] of Object.entries(f.units)) units[u] = { ...m, ...units[u] };
  return {
    label,
    results: files2.flatMap((f) => f.results),
    failures: files2.flatMap((f) => f.failures),
    diagnostics: files2.flatMap((f) => f.diagnostics),
    units
  };
}

// src/collect/go-bench.ts
function shellQuote(arg) {
  if (/^[A-Za-z0-9_./=:,+@%-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}
function commandLine(cmd, args) {
  return [cmd, ...args].map(shellQuote).join(" ");
}
var isResultLine = (l) => /^Benchmark\S*\s+\d+\s/.test(l);
async function runLogged(runner, log, title, cmd, args, cwd, resultLines = true) {
  if (log.fold) {
    const fold = log.fold;
    return fold(title, async () => {
      if (title !== commandLine(cmd, args)) log(commandLine(cmd, args));
      return runner.run(cmd, args, { cwd, onLine: (l) => log(l) });
    });
  }
  log(title);
  const onLine = (l) => void (resultLines && isResultLine(l) && log(l));
  return runner.run(cmd, args, { cwd, onLine });
}
var GoTestFailed = class extends UserError {
  constructor(message, side2, output) {
    super(message);
    this.side = side2;
    this.output = output;
  }
  side;
  output;
};
async function listTestPackages(runner, dir, patterns) {
  const r = await runner.run(
    "go",
    [
      "list",
      "-f",
      '{{if or .TestGoFiles .XTestGoFiles}}{{.ImportPath}}	{{.Dir}}	{{join .TestGoFiles ","}},{{join .XTestGoFiles ","}}{{end}}',
      ...patterns
    ],
    { cwd: dir }
  );
  if (r.code !== 0) {
    const cause = r.output.trim().split(/\r?\n/).filter(Boolean).join("; ");
    throw new UserError(`go list ${patterns.join(" ")} failed in ${dir}: ${cause}`);
  }
  return r.stdout.split("\n").filter((l) => l.includes("	")).map((l) => {
    const [importPath, pkgDir, files2] = l.split("	");
    return { importPath, dir: pkgDir, testFiles: files2.split(",").filter((f) => f !== "") };
  });
}
function topLevelBenchRegex(re) {
  const alternatives = [[]];
  let part = "";
  let brackets = 0;
  let parens = 0;
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    if (c === "\\" && i + 1 < re.length) {
      part += c + re[++i];
      continue;
    }
    if (c === "[") brackets++;
    else if (c === "]") brackets = Math.max(0, brackets - 1);
    else if (c === "(" && brackets === 0) parens++;
    else if (c === ")" && brackets === 0) parens--;
    else if ((c === "/" || c === "|") && brackets === 0 && parens === 0) {
      alternatives[alternatives.length - 1].push(part);
      part = "";
      if (c === "|") alternatives.push([]);
      continue;
    }
    part += c;
  }
  alternatives[alternatives.length - 1].push(part);
  const tops = alternatives.map((a) => a[0]);
  return tops.length === 1 ? tops[0] : tops.map((t) => `(?:${t})`).join("|");
}
function goTestFailure(what, code, output) {
  const parsed = parseBenchText(output, what);
  const failures = parsed.failures.filter((f) => f.kind !== "package" || parsed.failures.length === 1).map(
    (f) => f.kind === "panic" && f.subject === "" ? { ...f, subject: /\.(Benchmark\w+)\(/.exec(f.detail)?.[1] ?? "" } : f
  );
  const printed = output.trim().split("\n").filter((l) => !/^(FAIL|ok|PASS|exit status \d+)\b/.test(l) && !l.startsWith("?")).slice(-20).join("\n");
  const onlyPackage = failures.length === 1 && failures[0].kind === "package";
  const body = failures.length === 0 ? output.trim().split("\n").slice(-20).join("\n") : onlyPackage && printed !== "" ? `${failureText(failures[0])}:
${printed.split("\n").map((l) => `  ${l}`).join("\n")}` : failures.map(failureText).join("\n");
  return `${what} failed (exit status ${code}):
${body.split("\n").map((l) => `  ${l}`).join("\n")}`;
}
async function declaresBenchmarks(pkg) {
  for (const f of pkg.testFiles) {
    const text = await readFile(path2.join(pkg.dir, f), "utf8").catch(() => "");
    if (/^func Benchmark\w*\s*\(/m.test(text)) return true;
  }
  return false;
}
async function packagesWithBenchmarks(runner, dir, bench, packages, side2, log) {
  const found = [];
  for (const pkg of packages) {
    if (!await declaresBenchmarks(pkg)) continue;
    const args = ["test", "-list", topLevelBenchRegex(bench), pkg.importPath];
    const r = await runner.run("go", args, { cwd: dir });
    if (r.code !== 0) {
      const what = `${side2 === "base" ? "base: " : ""}${commandLine("go", args)}`;
      throw new GoTestFailed(goTestFailure(what, r.code, r.output), side2, r.output);
    }
    if (r.stdout.split("\n").some((l) => l.startsWith("Benchmark"))) found.push(pkg);
  }
  const skipped = packages.length - found.length;
  if (skipped > 0 && found.length > 0) {
    log(
      `${side2}: benchmarks matching ${shellQuote(bench)} are in ${found.map((p) => p.importPath).join(", ")}; ${skipped} other package${skipped === 1 ? "" : "s"} not run`
    );
  }
  return found;
}
function printedNothing(text) {
  const parsed = parseBenchText(text, "");
  return parsed.results.length === 0 && parsed.failures.length === 0;
}
function noResults(s, packages) {
  return new UserError(
    `go test printed no benchmark results for -bench ${shellQuote(s.bench)} in ${packages.map((p) => p.importPath).join(", ")}: the matching benchmarks were skipped (b.Skip) or returned before reporting (go test -v shows why)`
  );
}
function noBenchmarks(s, where2 = "") {
  return new UserError(
    `no benchmark matches -bench '${s.bench}' in ${s.packages.join(" ")}${where2}`
  );
}
function benchFlags(s, prefix) {
  const f = [`-${prefix}run`, "^$", `-${prefix}bench`, s.bench, `-${prefix}benchmem`];
  if (s.benchtime) f.push(`-${prefix}benchtime`, s.benchtime);
  if (s.cpu) f.push(`-${prefix}cpu`, s.cpu);
  return f;
}
var fileSafe = (importPath) => importPath.replace(/[^A-Za-z0-9._-]+/g, "_");
function profilePaths(dir, importPath) {
  const base = path2.join(dir, fileSafe(importPath));
  return { cpu: `${base}.cpu.pb.gz`, mem: `${base}.mem.pb.gz` };
}
async function runGoBench(s, runner, log) {
  const all = await listTestPackages(runner, s.dir, s.packages);
  if (all.length === 0) {
    throw new UserError(`no packages with tests match ${s.packages.join(" ")} in ${s.dir}`);
  }
  const packages = await packagesWithBenchmarks(runner, s.dir, s.bench, all, "head", log);
  if (packages.length === 0) throw noBenchmarks(s);
  const bins = await mkdtemp2(path2.join(tmpdir2(), "perfgate-bin-"));
  let text = "";
  const profiles = [];
  try {
    for (const [i, pkg] of packages.entries()) {
      const args = ["test", ...benchFlags(s, ""), "-count", String(s.count)];
      if (s.profilesDir) {
        const p = profilePaths(s.profilesDir, pkg.importPath);
        args.push("-o", path2.join(bins, `${i}.test`), "-cpuprofile", p.cpu, "-memprofile", p.mem);
        profiles.push(p.cpu, p.mem);
      }
      args.push(pkg.importPath);
      const r = await runLogged(runner, log, commandLine("go", args), "go", args, s.dir);
      if (r.code !== 0) {
        const what = `go test -bench ${shellQuote(s.bench)} ${pkg.importPath}`;
        throw new GoTestFailed(goTestFailure(what, r.code, r.output), "head", r.output);
      }
      text += r.stdout.endsWith("\n") || r.stdout === "" ? r.stdout : `${r.stdout}
`;
    }
  } finally {
    await rm2(bins, { recursive: true, force: true });
  }
  if (printedNothing(text)) throw noResults(s, packages);
  return { text, profiles };
}
async function runTarget(runner, log, title, target, args, side2, what) {
  const r = await runLogged(runner, log, title, target.bin, args, target.dir, false);
  if (r.code !== 0) {
    throw new GoTestFailed(goTestFailure(what, r.code, r.output), side2, r.output);
  }
  return r.stdout;
}
async function buildTarget(runner, cwd, pkg, bin, side2) {
  const r = await runner.run("go", ["test", "-c", "-o", bin, pkg.importPath], { cwd });
  if (r.code !== 0) {
    throw new GoTestFailed(
      goTestFailure(`${side2}: go test -c ${pkg.importPath}`, r.code, r.output),
      side2,
      buildFailure(pkg.importPath, r.output)
    );
  }
  return { bin, dir: pkg.dir };
}
async function runGoBenchInterleaved(s, runner, log) {
  return withBaseWorktree(runner, s.dir, s.baseRef, log, async ({ root: root2, tree, baseSha, work }) => {
    const baseDir = path2.join(tree, path2.relative(root2, path2.resolve(s.dir)));
    const headAll = await listTestPackages(runner, s.dir, s.packages);
    if (headAll.length === 0) {
      throw new UserError(`no packages with tests match ${s.packages.join(" ")} in ${s.dir}`);
    }
    const headPkgs = await packagesWithBenchmarks(runner, s.dir, s.bench, headAll, "head", log);
    if (headPkgs.length === 0) throw noBenchmarks(s);
    const baseAll = (await listTestPackages(runner, baseDir, s.packages).catch(() => [])).filter(
      (p) => headPkgs.some((h) => h.importPath === p.importPath)
    );
    const basePkgs = new Map(
      (await packagesWithBenchmarks(runner, baseDir, s.bench, baseAll, "base", log)).map((p) => [
        p.importPath,
        p
      ])
    );
    if (basePkgs.size === 0 && s.requireBaseBenchmarks) {
      throw noBenchmarks(
        s,
        ` at base ${s.baseRef} (${baseSha.slice(0, 12)}): nothing to compare with`
      );
    }
    const pairs = [];
    for (const [i, pkg] of headPkgs.entries()) {
      log(`[${i + 1}/${headPkgs.length}] building test binaries of ${pkg.importPath}`);
      const head2 = await buildTarget(runner, s.dir, pkg, path2.join(work, `${i}.head.test`), "head");
      const basePkg = basePkgs.get(pkg.importPath);
      const base2 = basePkg ? await buildTarget(runner, baseDir, basePkg, path2.join(work, `${i}.base.test`), "base") : void 0;
      pairs.push(base2 ? { pkg, head: head2, base: base2 } : { pkg, head: head2 });
    }
    let base = "";
    let head = "";
    const flags = benchFlags(s, "test.");
    for (const pair of pairs) {
      const outputs = { base: [], head: [] };
      for (let round = 0; round < s.count; round++) {
        const order = round % 2 === 0 ? ["base", "head"] : ["head", "base"];
        for (const side2 of order) {
          const target = pair[side2];
          if (!target) continue;
          const title = `round ${round + 1}/${s.count}: ${side2} ${pair.pkg.importPath}`;
          const what = `${side2}: ${pair.pkg.importPath} -test.bench ${shellQuote(s.bench)} (round ${round + 1})`;
          const args = [...flags, "-test.count", "1"];
          outputs[side2].push(await runTarget(runner, log, title, target, args, side2, what));
        }
      }
      base += mergeRounds(outputs.base);
      head += mergeRounds(outputs.head);
    }
    if (printedNothing(head)) throw noResults(s, headPkgs);
    if (printedNothing(base)) base = "";
    const profiles = s.profiles ? await profileSides(s, s.profiles, pairs, runner, log) : void 0;
    return { base, head, baseSha, rounds: s.count, profiles: profiles ?? { base: [], head: [] } };
  });
}
async function profileSides(s, dirs, pairs, runner, log) {
  const written = { base: [], head: [] };
  for (const pair of pairs) {
    for (const side2 of ["base", "head"]) {
      const target = pair[side2];
      if (!target) continue;
      const p = profilePaths(path2.resolve(dirs[side2]), pair.pkg.importPath);
      const args = [
        ...benchFlags(s, "test."),
        "-test.count",
        "1",
        "-test.cpuprofile",
        p.cpu,
        "-test.memprofile",
        p.mem
      ];
      const title = `profiling ${side2} ${pair.pkg.importPath}`;
      await runTarget(runner, log, title, target, args, side2, `${side2}: ${title}`);
      written[side2].push(p.cpu, p.mem);
    }
  }
  return written;
}
function buildFailure(importPath, output) {
  const body = output.trim().startsWith("#") ? output.trim() : `# ${importPath}
${output.trim()}`;
  return `${body}
FAIL	${importPath} [build failed]
`;
}
function mergeRounds(rounds) {
  if (rounds.length === 0) return "";
  const lines = (t) => t.split("\n").filter((l) => l !== "");
  const isResult = (l) => l.startsWith("Benchmark");
  const isNoise = (l) => l === "PASS" || /^ok\s/.test(l);
  const header = lines(rounds[0]).filter(
    (l) => !isResult(l) && !isNoise(l) && /^[a-z][^:\s]*: /.test(l)
  );
  const body = rounds.flatMap((r) => lines(r).filter((l) => !isNoise(l) && !header.includes(l)));
  return `${[...header, ...body].join("\n")}
`;
}

// src/collect/js-bench.ts
import { existsSync } from "node:fs";
import { lstat, mkdtemp as mkdtemp3, readFile as readFile2, realpath, rm as rm3, symlink, unlink } from "node:fs/promises";
import { tmpdir as tmpdir3 } from "node:os";
import path3 from "node:path";
import { fileURLToPath } from "node:url";
var MIN_ROUNDS = 5;
function benchName(task) {
  return `Benchmark${task.trim().replace(/\s+/g, "_")}`;
}
function nanoseconds(ms) {
  return Number((ms * 1e6).toFixed(3));
}
function formatJsRounds(label, rounds) {
  const lines = [
    `os: ${process.platform}`,
    `arch: ${process.arch}`,
    `runtime: node ${process.version}`,
    `jsmodule: ${label.replace(/\\/g, "/")}`
  ];
  for (const round of rounds) {
    for (const t of round)
      lines.push(`${benchName(t.name)} ${t.samples} ${nanoseconds(t.medianMs)} ns/op`);
  }
  return `${lines.join("\n")}
`;
}
function defaultWorker() {
  const fromSource = import.meta.url.endsWith(".ts");
  const relative = fromSource ? "../../dist/js-round.js" : "./js-round.js";
  const worker = fileURLToPath(new URL(relative, import.meta.url));
  if (!existsSync(worker)) {
    throw new Error(`the JS round runner ${worker} is missing: run \`npm run build\``);
  }
  return worker;
}
function checkRounds(rounds) {
  if (rounds < MIN_ROUNDS) {
    throw new UserError(
      `--rounds: ${rounds} is too few: at least ${MIN_ROUNDS} rounds are needed to compare`
    );
  }
}
var moduleExtensions = [".js", ".mjs", ".cjs", ".ts", ".mts", ".cts"];
async function moduleFile(s) {
  let file;
  try {
    file = await realpath(path3.resolve(s.module));
  } catch {
    throw new UserError(`${s.label ?? s.module}: no such benchmark module`);
  }
  if (!moduleExtensions.includes(path3.extname(file).toLowerCase())) {
    throw new UserError(
      `${s.label ?? s.module}: not a JavaScript module (a tinybench suite is a ${moduleExtensions.join(", ")} file)`
    );
  }
  return file;
}
async function runFolder(s) {
  const dir = s.cwd ?? ".";
  try {
    return await realpath(path3.resolve(dir));
  } catch {
    throw new UserError(`${dir}: no such folder to run the suite in`);
  }
}
var lastLines = (text, n) => text.trim().split("\n").slice(-n).join("\n");
async function runRoundProcess(runner, worker, side2, timeMs, reportFile) {
  await rm3(reportFile, { force: true });
  const r = await runner.run(process.execPath, [worker, side2.module, String(timeMs), reportFile], {
    cwd: side2.cwd,
    env: benchmarkEnv(process.env)
  });
  let report;
  try {
    report = JSON.parse(await readFile2(reportFile, "utf8"));
  } catch {
    const output = r.output.trim() === "" ? "" : `:
${lastLines(r.output, 20)}`;
    throw new UserError(
      `${side2.label}: the suite's process exited with ${r.code} before finishing a round${output}`
    );
  }
  if ("error" in report) throw new UserError(`${side2.label}: ${report.error}`);
  return report.tasks;
}
async function runJsBench(s, runner, log) {
  checkRounds(s.rounds);
  const label = s.label ?? s.module;
  const side2 = { module: await moduleFile(s), cwd: await runFolder(s), label };
  const worker = s.worker ?? defaultWorker();
  const work = await mkdtemp3(path3.join(tmpdir3(), "perfgate-js-"));
  try {
    const rounds = [];
    for (let round = 1; round <= s.rounds; round++) {
      log(`round ${round}/${s.rounds}: ${label}`);
      rounds.push(
        await runRoundProcess(runner, worker, side2, s.time, path3.join(work, "round.json"))
      );
    }
    return formatJsRounds(label, rounds);
  } finally {
    await rm3(work, { recursive: true, force: true });
  }
}
var isInside = (root2, p) => {
  const rel = path3.relative(root2, p);
  return rel === "" || !rel.startsWith("..") && !path3.isAbsolute(rel);
};
async function linkNodeModules(root2, tree, moduleDir) {
  const links = [];
  const parts = path3.relative(root2, moduleDir).split(path3.sep).filter((p) => p !== "");
  for (let i = 0; i <= parts.length; i++) {
    const rel = path3.join(...parts.slice(0, i), "node_modules");
    const from = path3.join(root2, rel);
    const to = path3.join(tree, rel);
    if (!existsSync(from) || existsSync(to) || !existsSync(path3.dirname(to))) continue;
    await symlink(from, to, "junction");
    links.push(to);
  }
  return links;
}
async function runJsBenchInterleaved(s, runner, log) {
  checkRounds(s.rounds);
  const label = s.label ?? s.module;
  const headModule = await moduleFile(s);
  const headCwd = await runFolder(s);
  const worker = s.worker ?? defaultWorker();
  return withBaseWorktree(runner, path3.dirname(headModule), s.baseRef, log, async (wt) => {
    const moduleRel = path3.relative(wt.root, headModule);
    const base = {
      module: path3.join(wt.tree, moduleRel),
      cwd: isInside(wt.root, headCwd) ? path3.join(wt.tree, path3.relative(wt.root, headCwd)) : path3.dirname(path3.join(wt.tree, moduleRel)),
      label: `${label} (base ${wt.baseSha.slice(0, 12)})`
    };
    const head = { module: headModule, cwd: headCwd, label };
    const sides = { base: existsSync(base.module) ? base : void 0, head };
    if (!sides.base) {
      const missing = `base ${wt.baseSha.slice(0, 12)} (${s.baseRef}) has no ${moduleRel}`;
      if (s.requireBase) throw new UserError(`${missing}: nothing to compare head's suite with`);
      log(`${missing}: only head runs`);
    }
    const links = await linkNodeModules(wt.root, wt.tree, path3.dirname(headModule));
    if (links.length > 0) log(`base runs with head's installed node_modules`);
    try {
      const rounds = { base: [], head: [] };
      for (let round = 0; round < s.rounds; round++) {
        const order = round % 2 === 0 ? ["base", "head"] : ["head", "base"];
        for (const name of order) {
          const side2 = sides[name];
          if (!side2) continue;
          log(`round ${round + 1}/${s.rounds}: ${name} ${label}`);
          const report = path3.join(wt.work, `${name}.json`);
          rounds[name].push(await runRoundProcess(runner, worker, side2, s.time, report));
        }
      }
      return {
        base: sides.base ? formatJsRounds(label, rounds.base) : "",
        head: formatJsRounds(label, rounds.head),
        baseSha: wt.baseSha,
        rounds: s.rounds
      };
    } finally {
      for (const link of links) {
        if ((await lstat(link)).isSymbolicLink()) await unlink(link);
      }
    }
  });
}

// src/collect/runner.ts
import { spawn } from "node:child_process";
var processRunner = {
  run(cmd, args, options) {
    return new Promise((resolve, reject) => {
      const child = spawn(cmd, args, {
        cwd: options.cwd,
        env: options.env ?? benchmarkEnv(process.env),
        stdio: ["ignore", "pipe", "pipe"]
      });
      let output = "";
      const streams = { stdout: "", stderr: "" };
      let pending = "";
      const onData = (stream) => (chunk) => {
        const text = chunk.toString("utf8");
        output += text;
        streams[stream] += text;
        if (!options.onLine) return;
        pending += text;
        const lines = pending.split("\n");
        pending = lines.pop() ?? "";
        for (const l of lines) options.onLine(l);
      };
      child.stdout.on("data", onData("stdout"));
      child.stderr.on("data", onData("stderr"));
      child.on("error", (err) => {
        reject(
          err.code === "ENOENT" ? new Error(`${cmd}: command not found (is it installed and on PATH?)`) : err
        );
      });
      child.on("close", (code) => {
        if (pending && options.onLine) options.onLine(pending);
        resolve({ code: code ?? 1, output, ...streams });
      });
    });
  }
};

// src/units/human.ts
function quantityKind(unit) {
  let denominator = false;
  for (const token of unit.split(/([*/\-\s])/)) {
    if (token === "/") denominator = true;
    else if (token === "*") denominator = false;
    else if (!denominator && token === "sec") return "time";
    else if (!denominator && (token === "B" || token === "bytes")) return "bytes";
  }
  return "count";
}
function groupDigits(value, digits = 0) {
  const s = formatFixed(value, digits);
  const neg = s.startsWith("-");
  const [int, frac] = (neg ? s.slice(1) : s).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, ",");
  return `${neg ? "-" : ""}${grouped}${frac === void 0 ? "" : `.${frac}`}`;
}
function significant(value, digits) {
  if (value === 0) return "0";
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.max(0, digits - 1 - magnitude);
  return groupDigits(value, Math.min(decimals, 12));
}
var trimZeros = (s) => s.includes(".") ? s.replace(/\.?0+$/, "") : s;
function formatCount(value, extra = 0) {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return groupDigits(value);
  if (Math.abs(value) >= 100) return trimZeros(groupDigits(value, 1 + extra));
  return trimZeros(significant(value, 3 + extra));
}
var iec = [
  [2 ** 40, "TiB"],
  [2 ** 30, "GiB"],
  [2 ** 20, "MiB"],
  [2 ** 10, "KiB"]
];
function formatBytes(value, extra = 0) {
  if (!Number.isFinite(value)) return `${value} B`;
  const abs = Math.abs(value);
  const step = iec.find(([f]) => abs >= f);
  if (!step) return `${formatCount(value, extra)} B`;
  const x = value / step[0];
  return `${formatFixed(x, (Math.abs(x) < 10 ? 2 : 1) + extra)} ${step[1]}`;
}
var timeSteps = [
  [1, "s"],
  [1e-3, "ms"],
  [1e-6, "µs"],
  [1e-9, "ns"]
];
function formatSeconds(value, extra = 0) {
  if (!Number.isFinite(value)) return `${value} s`;
  if (value === 0) return "0 s";
  const abs = Math.abs(value);
  if (abs >= 1e3) return `${groupDigits(value, extra)} s`;
  const [factor, name] = timeSteps.find(([f]) => abs >= f * 0.9995) ?? timeSteps[3];
  const x = value / factor;
  const magnitude = Math.max(0, Math.floor(Math.log10(Math.abs(x))));
  const decimals = Math.max(0, 2 - magnitude) + extra;
  return `${groupDigits(x, Math.min(decimals, 12))} ${name}`;
}
function formatQuantity(value, unit, extra = 0) {
  const kind = quantityKind(unit);
  return kind === "time" ? formatSeconds(value, extra) : kind === "bytes" ? formatBytes(value, extra) : formatCount(value, extra);
}
function formatQuantityPair(base, head, unit) {
  const pair = (extra) => [
    formatQuantity(base, unit, extra),
    formatQuantity(head, unit, extra)
  ];
  let [b, h] = pair(0);
  if (b !== h || base === head) return [b, h];
  if (quantityKind(unit) === "bytes") {
    const exact = (v) => `${formatCount(v, 3)} B`;
    return [exact(base), exact(head)];
  }
  for (let extra = 1; extra <= 8 && b === h; extra++) [b, h] = pair(extra);
  return [b, h];
}
function formatDifference(delta, unit) {
  const text = formatQuantity(Math.abs(delta), unit);
  return `${delta < 0 ? "-" : "+"}${text}`;
}
function formatPercent(pct) {
  const abs = Math.abs(pct);
  const body = abs >= 10 ? groupDigits(abs) : abs >= 1 ? formatFixed(abs, 1) : abs === 0 ? "0" : trimZeros(significant(abs, 2));
  return `${pct < 0 ? "-" : pct > 0 ? "+" : ""}${body}%`;
}
function formatRelativeChange(base, head, unit) {
  if (base === head) return "0%";
  if (base === 0) return "from 0";
  const ratio = head / base;
  if (base > 0 && ratio >= 10)
    return `×${ratio >= 1e3 ? groupDigits(ratio) : trimZeros(significant(ratio, 3))}`;
  const pct = (ratio - 1) * 100;
  const text = formatPercent(pct);
  return Math.abs(pct) < 0.1 ? `${text} (${formatDifference(head - base, unit)})` : text;
}
function formatProfileValue(value, unit) {
  if (unit === "bytes") return formatBytes(value);
  if (unit === "nanoseconds") return formatSeconds(value / 1e9);
  const n = formatCount(value);
  return unit === "count" || unit === "" ? n : `${n} ${unit}`;
}

// src/model/shard.ts
var SHARD_KEY = "shard";
var SHARD_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

// src/report/history.ts
function valueKey(pkg, name, unit, shard) {
  return JSON.stringify(shard === void 0 ? [pkg, name, unit] : [pkg, name, unit, shard]);
}
function seriesOf(h) {
  const out = /* @__PURE__ */ new Map();
  for (const p of h.points) {
    for (const v of p.values) {
      const key = valueKey(v.pkg, v.name, v.unit, v.shard);
      let s = out.get(key);
      if (!s) out.set(key, s = []);
      s.push({ center: v.center, cpu: p.machine.cpu ?? "" });
    }
  }
  return out;
}
function findSeries(series, f) {
  const pkg = f.config.find(([k]) => k === "pkg")?.[1] ?? "";
  const shard = f.config.find(([k]) => k === SHARD_KEY)?.[1];
  return series.get(valueKey(pkg, f.name, f.unit, shard)) ?? series.get(valueKey(pkg, f.name.replace(PROCS_SUFFIX, ""), f.unit, shard));
}
function historyView(h, branch, regressions) {
  const series = seriesOf(h);
  const positions = [];
  for (const f of regressions) {
    const past = findSeries(series, f);
    if (!past || past.length === 0 || !f.head) continue;
    const centers = past.map((p) => p.center);
    const min = Math.min(...centers);
    const max = Math.max(...centers);
    const head = f.head.center;
    const [worst, best] = f.higherIsBetter ? [min, max] : [max, min];
    const worse = f.higherIsBetter ? head < worst : head > worst;
    const better = f.higherIsBetter ? head > best : head < best;
    positions.push({
      name: f.name,
      unit: f.unit,
      head,
      min,
      max,
      commits: past.length,
      place: worse ? "worse" : better ? "better" : "within",
      cpus: new Set(past.map((p) => p.cpu)).size
    });
  }
  return { branch, commits: h.points.length, positions };
}

// src/report/build-run-report.ts
function fileBaseline() {
  return {
    source: "path",
    commit: "unknown",
    branch: void 0,
    createdAt: void 0,
    runUrl: void 0
  };
}
function buildRunReport(f) {
  const failures = (f.head?.failures ?? []).map(failureMessage);
  const base = f.baseline?.bench;
  if (base) failures.push(...base.failures.map((x) => `baseline: ${failureMessage(x)}`));
  if (f.runFailures?.length) failures.splice(0, failures.length, ...f.runFailures);
  const result = f.baseline && f.head && failures.length === 0 ? gate(base ?? parseBenchText("", "baseline"), f.head, f.gate) : void 0;
  const { verdict, reason, accepted } = decideVerdict(
    result,
    failures,
    f.missingBaseline,
    f.profiles,
    f.shards?.incomplete,
    f.accept
  );
  return {
    verdict,
    reason,
    key: f.key,
    headCommit: f.headCommit,
    gate: result,
    profiles: f.profiles,
    baseline: f.baseline?.info,
    timingsGated: f.gate.gateTimings,
    headOnly: result ? void 0 : { benchmarks: f.head?.results.length ?? 0, profiles: f.headProfiles },
    failures,
    warnings: f.warnings,
    links: f.links,
    generatedAt: f.generatedAt,
    ...f.shards ? { shards: f.shards } : {},
    ...f.accept ? { acceptance: { ...f.accept, excused: accepted ?? [] } } : {},
    ...f.history && result ? { history: historyView(f.history.data, f.history.branch, result.regressions) } : {}
  };
}

// src/report/shards.ts
function tagged(file, shard) {
  return {
    ...file,
    label: `${shard}: ${file.label}`,
    results: file.results.map((r) => ({ ...r, config: { ...r.config, [SHARD_KEY]: shard } }))
  };
}
function mergeSide(parts, side2, label) {
  const files2 = parts.flatMap((p) => p[side2] ? [tagged(p[side2], p.name)] : []);
  return files2.length > 0 ? mergeBenchFiles(label, files2) : void 0;
}
function mergeShards(parts) {
  const sorted = [...parts].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return {
    head: mergeSide(sorted, "head", "head"),
    base: mergeSide(sorted, "base", "baseline"),
    baseline: sorted.find((p) => p.baseline)?.baseline
  };
}
function shardFailure(part) {
  const first = part.head?.failures[0] ?? part.base?.failures[0];
  if (!first) return void 0;
  const n = (part.head?.failures.length ?? 0) + (part.base?.failures.length ?? 0);
  const line = failureMessage(first).split("\n")[0].replace(/:$/, "");
  return `its benchmark run failed (${line}${n > 1 ? ` and ${n - 1} more` : ""})`;
}
function shardProblems(expected, found, failed) {
  const have = new Set(found);
  const missing = expected.filter((s) => !have.has(s)).map((shard) => ({ shard, why: "no results were uploaded (the leg failed or was cancelled)" }));
  return [...missing, ...failed].sort(
    (a, b) => a.shard < b.shard ? -1 : a.shard > b.shard ? 1 : 0
  );
}
function buildMergedReport(f) {
  const failed = f.parts.flatMap((p) => {
    const why = shardFailure(p);
    return why ? [{ shard: p.name, why }] : [];
  });
  const incomplete = shardProblems(
    f.expected,
    [...f.parts.map((p) => p.name), ...f.unreadable.map((u) => u.shard)],
    [...failed, ...f.unreadable]
  );
  const dropped = new Set(incomplete.map((m) => m.shard));
  const complete = f.parts.filter((p) => !dropped.has(p.name));
  const merged = mergeShards(complete);
  const allRerun = complete.length > 0 && complete.every((p) => p.baseline?.source === "rerun");
  const report = buildRunReport({
    key: f.key,
    headCommit: f.headCommit,
    head: merged.head,
    baseline: merged.baseline && { bench: merged.base, info: merged.baseline },
    gate: {
      ...f.gate,
      identity: [...f.gate.identity ?? ["pkg"], SHARD_KEY],
      gateTimings: f.gateTimings ?? allRerun
    },
    profiles: void 0,
    headProfiles: f.headProfiles,
    missingBaseline: f.missingBaseline,
    warnings: [],
    links: f.links,
    generatedAt: f.generatedAt,
    shards: { names: f.parts.map((p) => p.name).sort(), incomplete },
    ...f.accept ? { accept: f.accept } : {},
    ...f.history ? { history: f.history } : {}
  });
  return { report, complete };
}

// src/units/bench-scale.ts
var siFactors = [
  [12, "T"],
  [9, "G"],
  [6, "M"],
  [3, "k"],
  [0, ""],
  [-3, "m"],
  [-6, "µ"],
  [-9, "n"]
].map(([exp, prefix]) => ({
  factor: Number(`1e${exp}`),
  prefix,
  t100: Number(`99.995e${exp}`),
  t10: Number(`9.9995e${exp}`),
  t1: Number(`.99995e${exp}`)
}));
var iecFactors = [
  [40, "Ti"],
  [30, "Gi"],
  [20, "Mi"],
  [10, "Ki"],
  [0, ""]
].map(([exp, prefix]) => ({
  factor: 2 ** exp,
  prefix,
  t100: 99.995 * 2 ** exp,
  t10: 9.9995 * 2 ** exp,
  t1: 0.99995 * 2 ** exp
}));
var sigfigs = [-1, -2, -3, -4, -5, -6, -7, -8].map((e) => Number(`9.9995e${e}`));
function commonScale(values, cls) {
  let min = 0;
  for (const v of values) {
    const a = Math.abs(v);
    if (a !== 0 && (min === 0 || a < min)) min = a;
  }
  if (min === 0) return { prec: 3, factor: 1, prefix: "" };
  const factors = cls === "binary" ? iecFactors : siFactors;
  for (const f of factors) {
    if (min >= f.t100) return { prec: 1, factor: f.factor, prefix: f.prefix };
    if (min >= f.t10) return { prec: 2, factor: f.factor, prefix: f.prefix };
    if (min >= f.t1) return { prec: 3, factor: f.factor, prefix: f.prefix };
  }
  const last = factors[factors.length - 1];
  const val = min / last.factor;
  for (let i = 0; i < sigfigs.length; i++) {
    if (val >= sigfigs[i] || i === sigfigs.length - 1) {
      return { prec: i + 3, factor: last.factor, prefix: last.prefix };
    }
  }
  return { prec: 10, factor: last.factor, prefix: last.prefix };
}
function formatScaled(value, s) {
  const v = value / s.factor;
  if (Number.isNaN(v)) return `NaN${s.prefix}`;
  if (!Number.isFinite(v)) return `${v > 0 ? "+Inf" : "-Inf"}${s.prefix}`;
  return formatFixed(v, s.prec) + s.prefix;
}
function scaleOne(value, cls) {
  return formatScaled(value, commonScale([value], cls));
}

// src/render/text-grid.ts
var runes = (s) => [...s].length;
var TextGrid = class {
  cells = [];
  cols = 0;
  shrinkable = /* @__PURE__ */ new Set();
  row = 0;
  col = 0;
  /** Starts a new row. */
  newRow() {
    if (this.cells.length > 0) this.row++;
    this.col = 0;
    return this;
  }
  /** Moves to a column of the current row (never backwards). */
  at(col) {
    if (col < this.col) throw new Error(`cannot move from column ${this.col} back to ${col}`);
    this.col = col;
    return this;
  }
  /** The current column. */
  get column() {
    return this.col;
  }
  /** Adds a cell of one column. */
  cell(value, options = {}) {
    return this.span(1, value, options);
  }
  /** Adds a cell spanning `cols` columns. */
  span(cols, value, options = {}) {
    const margin = options.margin ?? (this.col === 0 || value === "" ? "" : " ");
    this.cells.push({
      row: this.row,
      col: this.col,
      span: cols,
      value,
      margin,
      align: options.align ?? "left"
    });
    this.col += cols;
    this.cols = Math.max(this.cols, this.col);
    return this;
  }
  /** Marks a column as one that spans do not widen. */
  shrink(col) {
    this.shrinkable.add(col);
  }
  /** The laid-out text, one line per row, each ending in a newline. */
  format() {
    const margins = new Array(this.cols).fill(0);
    for (const c of this.cells) margins[c.col] = Math.max(margins[c.col], runes(c.margin));
    const widths = new Array(this.cols).fill(0);
    const bySpan = [...this.cells].sort((a, b) => a.span - b.span);
    for (const c of bySpan) {
      let w = runes(c.value) + margins[c.col];
      if (c.span === 1) {
        widths[c.col] = Math.max(widths[c.col], w);
        continue;
      }
      let have = 0;
      for (let i = c.col; i < c.col + c.span; i++) have += widths[i];
      if (have >= w) continue;
      const stretch = [];
      for (let i = c.col; i < c.col + c.span; i++) {
        if (this.shrinkable.has(i)) w -= widths[i];
        else stretch.push(i);
      }
      stretch.sort((a, b) => widths[b] - widths[a]);
      let left = stretch.length;
      for (const i of stretch) {
        const avg = Math.floor((w + left - 1) / left);
        widths[i] = Math.max(widths[i], avg);
        w -= widths[i];
        left--;
      }
    }
    const offsets = [0];
    for (const w of widths) offsets.push(offsets[offsets.length - 1] + w);
    const ordered = [...this.cells].sort((a, b) => a.row - b.row || a.col - b.col);
    let out = "";
    let row = 0;
    let pos = 0;
    for (const c of ordered) {
      if (c.value.trim() === "" && c.margin.trim() === "") continue;
      while (c.row > row) {
        out += "\n";
        row++;
        pos = 0;
      }
      const gap = offsets[c.col] - pos;
      out += " ".repeat(Math.max(gap, 0)) + c.margin.padStart(margins[c.col]);
      pos += Math.max(gap, 0) + margins[c.col];
      const width = offsets[c.col + c.span] - offsets[c.col] - margins[c.col];
      const text = pad(c.value, width, c.align);
      out += text;
      pos += runes(text);
    }
    if (this.cells.length > 0) out += "\n";
    return out;
  }
};
function pad(s, width, align) {
  const n = runes(s);
  if (align === "right") return " ".repeat(Math.max(width - n, 0)) + s;
  if (align === "center") return " ".repeat(Math.max(Math.floor((width - n) / 2), 0)) + s;
  return s;
}

// src/render/benchstat-text.ts
function pctRange(s) {
  if (!Number.isFinite(s.lo) || !Number.isFinite(s.hi)) return "∞";
  const sign = Math.sign(s.center);
  if (Number.isNaN(sign) || sign !== Math.sign(s.lo) || sign !== Math.sign(s.hi)) return "?";
  if (s.center === 0) return "0%";
  const v = Math.max(s.hi / s.center - 1, 1 - s.lo / s.center);
  return `${formatFixed(100 * v, 0)}%`;
}
function formatDelta(c, base, head) {
  if (c.p > c.alpha) return "~";
  if (base === head) return "0.00%";
  if (base === 0) return "?";
  return signedPercent((head / base - 1) * 100);
}
function signedPercent(pct) {
  const s = formatFixed(pct, 2);
  return `${s.startsWith("-") ? s : `+${s}`}%`;
}
function comparisonText(c) {
  const p = c.p !== 0 ? `p=${formatFixed(c.p, 3)} ` : "";
  return p + (c.n1 === c.n2 ? `n=${c.n1}` : `n=${c.n1}+${c.n2}`);
}
var superDigits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
function superscript(i) {
  return String(i).split("").map((d) => superDigits[Number(d)]).join("");
}
function renderBenchTableText(t) {
  const grid = new TextGrid();
  const start = (e) => e === 0 ? 1 : 1 + 3 + (e - 1) * 6;
  const notes = [];
  const warn = (...lists) => {
    const marks = [];
    for (const list of lists) {
      for (const w of list) {
        let i = notes.indexOf(w);
        if (i < 0) i = notes.push(w) - 1;
        marks.push(superscript(i + 1));
      }
    }
    grid.cell(marks.join(" "));
  };
  const rEdge = start(t.columns.length + 1);
  grid.newRow();
  t.columns.forEach((label, e) => {
    const l = start(e);
    grid.at(l).span(start(e + 1) - l, label, { align: "center", margin: " │ " });
  });
  grid.at(rEdge).cell("", { margin: " │" });
  grid.newRow();
  t.columns.forEach((_, e) => {
    const l = start(e);
    grid.at(l).span(3, t.unit, { align: "center", margin: " │ " });
    if (e > 0) grid.span(3, "vs base", { align: "left", margin: "  " });
    for (let j = l + 1; j < grid.column; j++) grid.shrink(j);
  });
  grid.at(rEdge).cell("", { margin: " │" });
  const cls = unitClass(t.unit);
  for (const row of t.rows) {
    grid.newRow().cell(row.name);
    const scaler = commonScale(
      row.cells.filter((c) => c !== void 0).map((c) => c.summary.center),
      cls
    );
    row.cells.forEach((cell, e) => {
      if (!cell) return;
      grid.at(start(e));
      grid.cell(formatScaled(cell.summary.center, scaler), { align: "right" });
      grid.cell(pctRange(cell.summary), { align: "right", margin: " ± " });
      warn(cell.summary.warnings);
      if (e > 0 && cell.comparison && cell.baseCenter !== void 0) {
        grid.cell(formatDelta(cell.comparison, cell.baseCenter, cell.summary.center), {
          align: "right"
        });
        grid.cell(`(${comparisonText(cell.comparison)})`);
        warn(cell.comparison.warnings);
      }
    });
  }
  if (t.rows.length > 1) {
    grid.newRow().cell("geomean");
    t.summaries.forEach((s, e) => {
      if (s.geomean !== void 0)
        grid.at(start(e)).cell(scaleOne(s.geomean, cls), { align: "right" });
      if (e > 0) {
        grid.at(start(e) + 3);
        if (s.ratio !== void 0)
          grid.cell(signedPercent((s.ratio - 1) * 100), { align: "right" });
        else grid.cell("?");
      }
      grid.at(start(e + 1) - 1);
      warn(s.warnings);
    });
  }
  let out = grid.format();
  notes.forEach((n, i) => out += `${superscript(i + 1)} ${n}
`);
  return out;
}
function renderBenchstatText(tables) {
  const parts = [];
  let previous;
  for (const t of tables) {
    const header = t.config.filter(([k, v], i) => !previous || previous[i]?.[0] !== k || previous[i]?.[1] !== v).map(([k, v]) => `${k}: ${v}
`).join("");
    previous = t.config;
    parts.push(header + renderBenchTableText(t));
  }
  return parts.join("\n");
}
function renderBenchstatCsv(tables) {
  const records = [];
  const warnings = [];
  let previous;
  tables.forEach((t, ti) => {
    if (ti > 0) records.push([]);
    for (const [i, [k, v]] of t.config.entries()) {
      if (previous && previous[i]?.[0] === k && previous[i]?.[1] === v) continue;
      records.push([`${k}: ${v}`]);
    }
    previous = t.config;
    const width = 1 + 2 + (t.columns.length - 1) * 4;
    const labels = [""];
    t.columns.forEach((c, e) => labels.push(c, "", ...e > 0 ? ["", ""] : []));
    records.push(labels.concat(new Array(width - labels.length).fill("")));
    const units = [""];
    t.columns.forEach((_, e) => units.push(t.unit, "CI", ...e > 0 ? ["vs base", "P"] : []));
    records.push(units);
    const note = (col, list) => {
      for (const w of list) warnings.push(`${columnLetter(col)}${records.length + 1}: ${w}`);
    };
    for (const row of t.rows) {
      const rec = [row.name];
      row.cells.forEach((cell, e) => {
        const at2 = e === 0 ? 1 : 3 + (e - 1) * 4;
        if (!cell) return;
        while (rec.length < at2) rec.push("");
        rec.push(formatGoValue(cell.summary.center), pctRange(cell.summary));
        note(at2, cell.summary.warnings);
        if (e > 0 && cell.comparison && cell.baseCenter !== void 0) {
          rec.push(
            formatDelta(cell.comparison, cell.baseCenter, cell.summary.center),
            comparisonText(cell.comparison)
          );
          note(at2 + 2, cell.comparison.warnings);
        }
      });
      records.push(rec);
    }
    const gm = ["geomean"];
    t.summaries.forEach((s, e) => {
      gm.push(s.geomean !== void 0 ? formatGoValue(s.geomean) : "", "");
      if (e > 0) gm.push(s.ratio !== void 0 ? signedPercent((s.ratio - 1) * 100) : "?", "");
      note(e === 0 ? 1 : 3 + (e - 1) * 4, s.warnings);
    });
    records.push(gm);
  });
  return { csv: records.map((r) => r.map(csvField).join(",")).join("\n") + "\n", warnings };
}
function csvField(s) {
  if (s === "" || !/[",\r\n]/.test(s) && !s.startsWith(" ")) return s;
  return `"${s.replace(/"/g, '""')}"`;
}
function columnLetter(i) {
  let s = "";
  let n = i + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

// node_modules/markdown-table/index.js
function defaultStringLength(value) {
  return value.length;
}
function markdownTable(table2, options) {
  const settings = options || {};
  const align = (settings.align || []).concat();
  const stringLength = settings.stringLength || defaultStringLength;
  const alignments = [];
  const cellMatrix = [];
  const sizeMatrix = [];
  const longestCellByColumn = [];
  let mostCellsPerRow = 0;
  let rowIndex = -1;
  while (++rowIndex < table2.length) {
    const row2 = [];
    const sizes2 = [];
    let columnIndex2 = -1;
    if (table2[rowIndex].length > mostCellsPerRow) {
      mostCellsPerRow = table2[rowIndex].length;
    }
    while (++columnIndex2 < table2[rowIndex].length) {
      const cell = serialize(table2[rowIndex][columnIndex2]);
      if (settings.alignDelimiters !== false) {
        const size = stringLength(cell);
        sizes2[columnIndex2] = size;
        if (longestCellByColumn[columnIndex2] === void 0 || size > longestCellByColumn[columnIndex2]) {
          longestCellByColumn[columnIndex2] = size;
        }
      }
      row2.push(cell);
    }
    cellMatrix[rowIndex] = row2;
    sizeMatrix[rowIndex] = sizes2;
  }
  let columnIndex = -1;
  if (typeof align === "object" && "length" in align) {
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = toAlignment(align[columnIndex]);
    }
  } else {
    const code = toAlignment(align);
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = code;
    }
  }
  columnIndex = -1;
  const row = [];
  const sizes = [];
  while (++columnIndex < mostCellsPerRow) {
    const code = alignments[columnIndex];
    let before = "";
    let after = "";
    if (code === 99) {
      before = ":";
      after = ":";
    } else if (code === 108) {
      before = ":";
    } else if (code === 114) {
      after = ":";
    }
    let size = settings.alignDelimiters === false ? 1 : Math.max(
      1,
      longestCellByColumn[columnIndex] - before.length - after.length
    );
    const cell = before + "-".repeat(size) + after;
    if (settings.alignDelimiters !== false) {
      size = before.length + size + after.length;
      if (size > longestCellByColumn[columnIndex]) {
        longestCellByColumn[columnIndex] = size;
      }
      sizes[columnIndex] = size;
    }
    row[columnIndex] = cell;
  }
  cellMatrix.splice(1, 0, row);
  sizeMatrix.splice(1, 0, sizes);
  rowIndex = -1;
  const lines = [];
  while (++rowIndex < cellMatrix.length) {
    const row2 = cellMatrix[rowIndex];
    const sizes2 = sizeMatrix[rowIndex];
    const cellsInRow = settings.fillRows === false ? Math.max(1, cellMatrix[rowIndex === 1 ? 0 : rowIndex].length) : mostCellsPerRow;
    columnIndex = -1;
    const line = [];
    while (++columnIndex < cellsInRow) {
      const cell = row2[columnIndex] || "";
      let before = "";
      let after = "";
      if (settings.alignDelimiters !== false) {
        const size = longestCellByColumn[columnIndex] - (sizes2[columnIndex] || 0);
        const code = alignments[columnIndex];
        if (code === 114) {
          before = " ".repeat(size);
        } else if (code === 99) {
          const half = size / 2;
          if (size % 2) {
            before = " ".repeat(half + 0.5);
            after = " ".repeat(half - 0.5);
          } else {
            before = " ".repeat(half);
            after = before;
          }
        } else {
          after = " ".repeat(size);
        }
      }
      if (settings.delimiterStart !== false && !columnIndex) {
        line.push("|");
      }
      if (settings.padding !== false && // Don’t add the opening space if we’re not aligning and the cell is
      // empty: there will be a closing space.
      !(settings.alignDelimiters === false && cell === "") && (settings.delimiterStart !== false || columnIndex)) {
        line.push(" ");
      }
      if (settings.alignDelimiters !== false) {
        line.push(before);
      }
      line.push(cell);
      if (settings.alignDelimiters !== false) {
        line.push(after);
      }
      if (settings.padding !== false) {
        line.push(" ");
      }
      if (settings.delimiterEnd !== false || columnIndex !== cellsInRow - 1) {
        line.push("|");
      }
    }
    lines.push(
      settings.delimiterEnd === false ? line.join("").replace(/ +$/, "") : line.join("")
    );
  }
  return lines.join("\n");
}
function serialize(value) {
  return value === null || value === void 0 ? "" : String(value);
}
function toAlignment(value) {
  const code = typeof value === "string" ? value.codePointAt(0) : 0;
  return code === 67 || code === 99 ? 99 : code === 76 || code === 108 ? 108 : code === 82 || code === 114 ? 114 : 0;
}

// src/render/markdown.ts
var MAX_NAME = 200;
var MAX_PATH = 300;
var MAX_MESSAGE = 2e3;
var controls = (
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g
);
function plainText(text, max = MAX_MESSAGE) {
  return cutText(text, max, "end");
}
function plainPath(path10, max = MAX_PATH) {
  return cutText(path10, max, "start");
}
function cutText(text, max, cut) {
  const flat = text.replace(/\r\n?|\n/g, " ").replace(controls, "");
  if (flat.length <= max) return flat;
  const window2 = cut === "end" ? flat.slice(0, 2 * max) : flat.slice(-2 * max);
  const points2 = Array.from(window2);
  if (flat.length <= 2 * max && points2.length <= max) return flat;
  return cut === "end" ? `${points2.slice(0, max - 1).join("")}…` : `…${points2.slice(-(max - 1)).join("")}`;
}
var blockStart = /^(?:[-+=>]|[ \t]+)/;
var entityChars = /[&<>"'|*_`[\]~\\@#!{}$]/g;
function escapeMarkdown(text, max = MAX_MESSAGE) {
  return escapeInline(text, max).replace(blockStart, (m) => `&#${m.charCodeAt(0)};${m.slice(1)}`).replace(/^(\d{1,9})([.)])/, (_, n, c) => `${n}&#${c.charCodeAt(0)};`);
}
function escapeInline(text, max) {
  return plainText(text, max).replace(
    entityChars,
    (c, at2, all) => (c === "@" || c === "#") && /[\w.+-]/.test(all[at2 + 1] ?? "") ? `&#${c.charCodeAt(0)};<wbr>` : `&#${c.charCodeAt(0)};`
  ).replace(/(www)\./gi, "$1&#46;").replace(/:\/\//g, "&#58;//");
}
function codeCell(text, max = MAX_NAME) {
  return `<code>${escapeMarkdown(text, max)}</code>`;
}
function pathText(file, line) {
  return escapeMarkdown(`${plainPath(file)}${line === void 0 ? "" : `:${line}`}`);
}
function fenceLine(text, max = MAX_MESSAGE) {
  return plainText(text, max).replace(/`{3,}/g, (m) => "'".repeat(m.length));
}
function proseWithCode(text) {
  return text.split(/`([^`]*)`/).map(
    (part, i) => i === 0 ? escapeMarkdown(part) : i % 2 === 1 ? codeCell(part) : escapeInline(part, MAX_MESSAGE)
  ).join("");
}
function table(header, rows, align) {
  return markdownTable([header, ...rows], { align });
}

// src/render/gate-text.ts
function shardOf(f) {
  return f.config.find(([k]) => k === SHARD_KEY)?.[1];
}
function findingsTable(fs, headers, rows, align, packages = false) {
  const insert = (xs, x) => [xs[0], x, ...xs.slice(1)];
  let [h, rs, a] = [headers, rows, align];
  if (fs.some((f) => shardOf(f) !== void 0)) {
    [h, rs, a] = [
      insert(h, "shard"),
      rs.map((r, i) => insert(r, codeCell(shardOf(fs[i]) ?? ""))),
      insert(a, "l")
    ];
  }
  if (packages) {
    [h, rs, a] = [
      insert(h, "package"),
      rs.map((r, i) => insert(r, codeCell(packageOf(fs[i])))),
      insert(a, "l")
    ];
  }
  return table(h, rs, a);
}
function formatChange(f) {
  if (!f.base || !f.head) return "";
  return formatRelativeChange(f.base.center, f.head.center, f.unit);
}
function quantityWithUnit(value, unit) {
  const text = formatQuantity(value, unit);
  if (quantityKind(unit) === "count") return `${text} ${unit}`;
  const per = unit.indexOf("/");
  return per < 0 ? text : `${text}${unit.slice(per)}`;
}
function formatLimit(limit, unit) {
  const parts = [];
  if (limit.pct > 0) parts.push(`${limit.pct}%`);
  if (limit.floor > 0) parts.push(quantityWithUnit(limit.floor, unit));
  return parts.length === 0 ? "any change" : parts.join(" and ");
}
function formatPair(f) {
  if (f.base && f.head) return formatQuantityPair(f.base.center, f.head.center, f.unit);
  const one = (s) => s ? formatQuantity(s.center, f.unit) : "—";
  return [one(f.base), one(f.head)];
}
function formatPValue(p) {
  return p < 1e-3 ? "p<0.001" : `p=${formatFixed(p, 3)}`;
}
function spreadText(s) {
  return `± ${pctRange(s)}`;
}
function changeSize(f) {
  const b = f.base?.center;
  const h = f.head?.center;
  if (b === void 0 || h === void 0 || b === h) return 0;
  if (b === 0 || h === 0) return Infinity;
  return Math.abs(Math.log(Math.abs(h / b)));
}
function bySeverity(fs) {
  return fs.map((f, i) => ({ f, i })).sort(
    (x, y) => Number(y.f.gated) - Number(x.f.gated) || // Two changes from 0 (both infinite) differ by NaN, which is falsy: order kept.
    changeSize(y.f) - changeSize(x.f) || x.i - y.i
  ).map((x) => x.f);
}
function packageOf(f) {
  return f.config.filter(([k]) => k !== SHARD_KEY).map(([k, v]) => k === "pkg" ? v : `${k}=${v}`).join(" ");
}
function manyPackages(r) {
  return new Set(r.findings.map(packageOf)).size > 1;
}
function groupByPackage(fs) {
  const groups = /* @__PURE__ */ new Map();
  for (const f of fs) {
    const k = packageOf(f);
    (groups.get(k) ?? groups.set(k, []).get(k)).push(f);
  }
  return [...groups];
}
function evidence(f) {
  if (f.method === "exact") return `exact, n=${f.base.n}+${f.head.n}`;
  if (f.p === void 0) return "";
  const p = formatFixed(f.p, 3);
  const raw = f.rawP === void 0 ? p : formatFixed(f.rawP, 3);
  const adjusted = raw !== p ? ` (${raw} before correction)` : "";
  return `p=${p}${adjusted} ${f.method === "wilcoxon" ? "paired" : "n=" + f.base.n + "+" + f.head.n}`;
}
var plural2 = (k, word) => `${k} ${word}${k === 1 ? "" : "s"}`;
function comparisonCount(r) {
  return r.findings.filter((f) => f.base && f.head && !f.restates).length;
}
function verdictLine(r) {
  if (r.verdict === "no-comparison") return `NO COMPARISON: ${r.cause ?? "nothing to compare"}`;
  const b = r.benchmarks;
  const units = r.regressions.length;
  const regressed = b.regressed.length === 0 ? "no benchmark regressed" : `${plural2(b.regressed.length, "benchmark")} regressed${units > b.regressed.length ? ` (${units} units)` : ""}`;
  const improved = b.improved.length > 0 ? `, ${b.improved.length} improved` : "";
  const compared = `${plural2(b.compared, "benchmark")} compared`;
  const oneSide = [
    b.added.length > 0 && `${b.added.length} only in head`,
    b.removed.length > 0 && `${b.removed.length} only in base`
  ].filter(Boolean);
  const sides = oneSide.length > 0 ? `; ${oneSide.join(", ")}` : "";
  return `${r.verdict === "fail" ? "FAIL" : "PASS"}: ${regressed}${improved}; ${compared} (${plural2(comparisonCount(r), "comparison")})${sides}`;
}
function formatP(p) {
  return String(Number(p.toPrecision(2)));
}
function powerLine(n, r) {
  const which = n.blind === n.tested ? `${n.unit} not judged` : `${n.blind} of ${n.tested} ${n.unit} comparisons not judged`;
  const { correction, alpha } = r.options;
  const need = correction === "none" || n.family <= 1 ? `p ≤ ${formatP(n.threshold)} (alpha)` : `p ≤ ${formatP(n.threshold)}, needed among ${n.family} tested comparisons (${correction}, alpha ${alpha})`;
  return `${which}: n = ${n.n} per side cannot reach ${need}; the smallest possible is ${formatP(n.minP)}; use -count ≥ ${n.countNeeded}`;
}
function verdictNotes(r) {
  const out = [];
  if (r.machines) out.push(`base and head ran on different machines (${r.machines})`);
  for (const n of r.power) out.push(powerLine(n, r));
  return out;
}
function sideOnlyLines(r) {
  const line = (f) => {
    const s = f.head ?? f.base;
    return `${f.name}  ${quantityWithUnit(s.center, f.unit)}`;
  };
  return {
    added: r.findings.filter((f) => f.verdict === "only-head").map(line),
    removed: r.findings.filter((f) => f.verdict === "only-base").map(line)
  };
}
function findingLine(f) {
  const [b, h] = formatPair(f);
  const side2 = (v, s) => s && s.n > 1 && f.method !== "exact" ? `${v} ${spreadText(s)}` : v;
  return `${f.name}  ${f.unit}  ${side2(b, f.base)} → ${side2(h, f.head)}  ${formatChange(f)}  ${evidence(f)}  (limit ${formatLimit(f.limit, f.unit)})`;
}
function renderGateText(r) {
  const lines = [verdictLine(r), ...verdictNotes(r), ...r.notes];
  const grouped = manyPackages(r);
  const section = (title, fs) => {
    if (fs.length === 0) return;
    lines.push("", `${title}:`);
    if (!grouped) {
      for (const f of bySeverity(fs)) lines.push(`  ${findingLine(f)}`);
      return;
    }
    for (const [pkg, group] of groupByPackage(bySeverity(fs))) {
      lines.push(`  ${pkg || "(no package)"}`, ...group.map((f) => `    ${findingLine(f)}`));
    }
  };
  section("Regressions", r.regressions);
  section("Improvements", r.improvements);
  const { added, removed } = sideOnlyLines(r);
  if (added.length > 0) lines.push("", "Only in head (added):", ...added.map((l) => `  ${l}`));
  if (removed.length > 0)
    lines.push("", "Only in base (removed):", ...removed.map((l) => `  ${l}`));
  const notes = [
    ...new Set(r.findings.flatMap((f) => f.notes.map((n) => `${f.name} ${f.unit}: ${n}`)))
  ];
  if (notes.length > 0) lines.push("", "Notes:", ...notes.map((n) => `  ${n}`));
  return `${lines.join("\n")}
`;
}
function packageLine(pkg) {
  return pkg === "" ? "**No package**" : `**Package** ${codeCell(pkg)}`;
}
function findingTable(fs, evidenceOf, grouped = false) {
  const one = (group) => {
    const rows = group.map((f) => {
      const [b, h] = formatPair(f);
      return [
        codeCell(f.name),
        escapeMarkdown(f.unit, MAX_NAME),
        b,
        h,
        formatChange(f),
        evidenceOf(f),
        escapeMarkdown(formatLimit(f.limit, f.unit), MAX_NAME + 40)
      ];
    });
    return findingsTable(
      group,
      ["benchmark", "unit", "base", "head", "change", "evidence", "limit"],
      rows,
      ["l", "l", "r", "r", "r", "l", "l"]
    );
  };
  if (!grouped) return one(fs);
  return groupByPackage(fs).map(([pkg, group]) => `${packageLine(pkg)}

${one(group)}`).join("\n\n");
}
function sideSpread(value, s, exact) {
  if (!s) return "—";
  return exact || s.n < 2 ? value : `${value} ${spreadText(s)}`;
}
function testText(f) {
  const n = f.base && f.head ? `n=${f.base.n}+${f.head.n}` : "";
  if (f.method === "exact") return `exact, ${n}`;
  if (f.p === void 0) return `not tested, ${n}`;
  const p = formatFixed(f.p, 3);
  const raw = f.rawP !== void 0 ? formatFixed(f.rawP, 3) : p;
  const paired = f.method === "wilcoxon" ? " paired" : "";
  return `p=${p}${raw !== p ? ` (${raw} before correction)` : ""} ${n}${paired}`;
}
function spreadTable(fs, grouped = false) {
  const one = (group) => {
    const rows = group.map((f) => {
      const [b, h] = formatPair(f);
      const exact = f.method === "exact";
      return [
        codeCell(f.name),
        escapeMarkdown(f.unit, MAX_NAME),
        sideSpread(b, f.base, exact),
        sideSpread(h, f.head, exact),
        testText(f)
      ];
    });
    return findingsTable(group, ["benchmark", "unit", "base", "head", "test"], rows, [
      "l",
      "l",
      "r",
      "r",
      "l"
    ]);
  };
  if (!grouped) return one(fs);
  return groupByPackage(fs).map(([pkg, group]) => `${packageLine(pkg)}

${one(group)}`).join("\n\n");
}
function sideOnlyMarkdown(r) {
  const block = (title, verdict, column) => {
    const fs = r.findings.filter((f) => f.verdict === verdict);
    if (fs.length === 0) return [];
    const rows = fs.map((f) => {
      const s = f.head ?? f.base;
      return [codeCell(f.name), escapeMarkdown(f.unit, MAX_NAME), formatQuantity(s.center, f.unit)];
    });
    const n = new Set(fs.map((f) => JSON.stringify([f.config, f.name]))).size;
    const table2 = findingsTable(
      fs,
      ["benchmark", "unit", column],
      rows,
      ["l", "l", "r"],
      manyPackages(r)
    );
    return [
      `<details><summary>${title} (${n} benchmark${n === 1 ? "" : "s"})</summary>

${table2}

</details>`
    ];
  };
  return [
    ...block("Only in head: added, not compared", "only-head", "head"),
    ...block("Only in base: removed or renamed, not compared", "only-base", "base")
  ];
}
function renderGateMarkdown(r) {
  const icon2 = r.verdict === "fail" ? "❌" : r.verdict === "pass" ? "✅" : "⚠️";
  const grouped = manyPackages(r);
  let out = `${icon2} **${escapeMarkdown(verdictLine(r))}**
`;
  for (const n of verdictNotes(r)) out += `
- ⚠️ ${escapeMarkdown(n)}
`;
  if (r.regressions.length > 0) {
    const fs = bySeverity(r.regressions);
    out += `
${findingTable(fs, evidence, grouped)}
`;
    out += `
<details><summary>Statistics: median ± 95% confidence interval, p-value, runs</summary>

${spreadTable(fs, grouped)}

</details>
`;
  }
  if (r.improvements.length > 0) {
    out += `
<details><summary>Improvements (${r.improvements.length})</summary>

${findingTable(bySeverity(r.improvements), evidence, grouped)}

</details>
`;
  }
  for (const block of sideOnlyMarkdown(r)) out += `
${block}
`;
  return out;
}

// src/settings/go-flags.ts
function bad(name, value, why) {
  throw new UserError(`${name}: ${JSON.stringify(value)} ${why}`);
}
var durationPart = /(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/gy;
var unitNanos = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  μs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 6e10,
  h: 36e11
};
function goDurationNanos(text) {
  if (text === "") return void 0;
  durationPart.lastIndex = 0;
  let total = 0;
  let m;
  while (durationPart.lastIndex < text.length && (m = durationPart.exec(text)) !== null) {
    total += Number(m[1]) * unitNanos[m[2]];
  }
  return durationPart.lastIndex === text.length ? total : void 0;
}
function readBenchtime(name, value) {
  const text = value.trim();
  const count = /^(\d+)x$/.exec(text);
  if (count) {
    if (Number(count[1]) === 0) bad(name, value, "must be more than 0x");
    return text;
  }
  const nanos = goDurationNanos(text);
  if (nanos === void 0) {
    bad(name, value, 'is not a duration (e.g. "200ms", "1.5s") or a count (e.g. "100x")');
  }
  if (nanos <= 0) bad(name, value, "must be more than zero");
  return text;
}
function readCpuList(name, value) {
  const items = value.split(",").map((s) => s.trim());
  if (!items.every((s) => /^\d+$/.test(s) && Number(s) > 0)) {
    bad(name, value, 'is not a comma-separated list of positive whole numbers (e.g. "1,2,4")');
  }
  return items.join(",");
}
function asJavaScript(re) {
  return re.replace(/\\Q(.*?)(\\E|$)/g, (_, lit) => lit.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&")).replace(/\(\?[imsU-]+\)/g, "").replace(/\(\?[imsU-]+:/g, "(?:").replace(/\(\?P</g, "(?<").replace(/\[:\^?[a-z]+:\]/g, "a").replace(/\\A/g, "^").replace(/\\z/g, "$");
}
function readBenchRegex(name, value) {
  if (/\(\?<?[=!]/.test(value)) {
    bad(name, value, "is not a Go regular expression: Go has no lookahead or lookbehind");
  }
  if (/(^|[^\\])(\\\\)*\\[1-9]/.test(value)) {
    bad(name, value, "is not a Go regular expression: Go has no backreferences");
  }
  try {
    new RegExp(asJavaScript(value));
  } catch (err) {
    const why = err.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, "");
    bad(name, value, `is not a valid regular expression (${why})`);
  }
  return value;
}
function readPackagePatterns(name, patterns) {
  if (patterns.length === 0) {
    throw new UserError(`${name}: no package patterns (e.g. "./...")`);
  }
  for (const p of patterns) {
    if (p.startsWith("-")) {
      bad(name, p, 'is not a package pattern: it starts with "-" (go would read it as a flag)');
    }
  }
  return patterns;
}

// src/settings/values.ts
function bad2(name, value, why) {
  throw new UserError(`${name}: ${JSON.stringify(value)} ${why}`);
}
function readInteger(name, value, min = 0, max = Number.MAX_SAFE_INTEGER) {
  const text = value.trim();
  if (!/^-?\d+$/.test(text)) bad2(name, value, "is not a whole number");
  const n = Number(text);
  if (n < min || n > max) {
    bad2(
      name,
      value,
      max === Number.MAX_SAFE_INTEGER ? `must be at least ${min}` : `must be between ${min} and ${max}`
    );
  }
  return n;
}
var sizeUnits = {
  "": 1,
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40
};
function readByteSize(name, value) {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(value);
  const factor = m ? sizeUnits[m[2].toLowerCase()] : void 0;
  if (!m || factor === void 0) {
    bad2(name, value, 'is not a size (e.g. "1GiB", "512MiB", "1000000")');
  }
  const n = Math.round(Number(m[1]) * factor);
  if (n <= 0) bad2(name, value, "must be more than 0 bytes");
  return n;
}
function readChoice(name, value, choices) {
  const v = value.trim();
  if (!choices.includes(v)) {
    bad2(name, value, `is not one of: ${choices.join(", ")}`);
  }
  return v;
}
function readFraction(name, value) {
  const n = Number(value.trim());
  if (value.trim() === "" || !Number.isFinite(n) || n <= 0 || n >= 1) {
    bad2(name, value, 'is not a number between 0 and 1 (e.g. "0.05")');
  }
  return n;
}

// src/cli/args.ts
import { parseArgs } from "node:util";
function parseCommandArgs(command, argv, options) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    const e = err;
    const option = /'(-[^']*)'/.exec(e.message)?.[1];
    if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option) {
      throw new UserError(
        `perfgate ${command}: unknown option ${option} (see perfgate ${command} --help)`
      );
    }
    if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && option) {
      const name = option.split(" ")[0];
      throw new UserError(
        /does not take an argument/.test(e.message) ? `perfgate ${command}: option ${name} takes no value` : `perfgate ${command}: option ${name} needs a value (write ${name}=VALUE for a value that starts with -)`
      );
    }
    throw new UserError(`perfgate ${command}: ${e.message.split(". ")[0]}`);
  }
}

// src/settings/limits.ts
var suffixes = {
  "": 1,
  n: 1e-9,
  u: 1e-6,
  µ: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  ms: 1e-3,
  s: 1
};
function fail(name, entry, why) {
  throw new UserError(`${name}: ${JSON.stringify(entry)} ${why}`);
}
function readLimitRules(name, text) {
  const rules = [];
  for (const raw of text.split(/[,\n;]/)) {
    const entry = raw.trim();
    if (entry === "") continue;
    const m = /^(?:(.+):)?([^:=\s]+)\s*=\s*(.+)$/.exec(entry);
    if (!m)
      fail(name, entry, 'is not a limit (e.g. "sec/op=10%", "B/op=5%+64", "JSON*:sec/op=20%")');
    const [, pattern, unit, limitText] = m;
    const tidy = tidyUnit(unit);
    const parts = /^(?:(\d+(?:\.\d+)?)%)?(?:\s*\+?\s*(\d+(?:\.\d+)?)\s*([a-zA-Zµ]*))?$/.exec(
      limitText.trim()
    );
    if (!parts || parts[1] === void 0 && parts[2] === void 0) {
      fail(
        name,
        entry,
        'has a limit that is not a percentage and/or an amount (e.g. "10%", "64", "5%+64")'
      );
    }
    const factor = suffixes[parts[3] ?? ""];
    if (factor === void 0) fail(name, entry, `has an unknown suffix "${parts[3]}"`);
    const amount2 = parts[2] === void 0 ? 0 : Number(parts[2]) * (parts[3] ? factor : tidy.factor);
    rules.push({
      unit: tidy.unit,
      ...pattern !== void 0 ? { pattern: pattern.trim() } : {},
      limit: { pct: parts[1] === void 0 ? 0 : Number(parts[1]), floor: amount2 }
    });
  }
  return rules;
}

// src/cli/shared-options.ts
var gateFlags = {
  "max-regression": { type: "string" },
  alpha: { type: "string" },
  correction: { type: "string" },
  test: { type: "string" }
};
function readGateOptions(values) {
  const options = { ...defaultGateOptions, rules: [...defaultGateOptions.rules] };
  if (values["max-regression"] !== void 0)
    options.rules.push(...readLimitRules("--max-regression", values["max-regression"]));
  if (values.alpha !== void 0) options.alpha = readFraction("--alpha", values.alpha);
  if (values.correction !== void 0)
    options.correction = readChoice("--correction", values.correction, [
      "none",
      "holm",
      "bh"
    ]);
  if (values.test !== void 0)
    options.test = readChoice("--test", values.test, ["mann-whitney", "wilcoxon"]);
  return options;
}
function readFormat(value, formats) {
  return readChoice("--format", value ?? formats[0], formats);
}
function printAs(io, format, model, renderers) {
  if (format === "json") io.stdout(`${JSON.stringify(model, null, 2)}
`);
  else io.stdout(renderers[format]());
}
function gateExitCode(result, io, command) {
  if (result.verdict === "no-comparison")
    io.stderr(`perfgate ${command}: ${result.cause ?? "nothing to compare"}
`);
  return exitCodeFor(result.verdict);
}

// src/cli/commands/bench.ts
var benchUsage = `Usage: perfgate bench --go <packages> [options]
       perfgate bench --js <suite.mjs> [options]

Runs benchmarks and writes their output (Go benchmark format) to --out. With --base-ref, the
base commit is checked out in a temporary git worktree, both sides are built once, and their
benchmarks run in alternating rounds (base, head, then head, base, ...) so machine drift hits
both alike; then the gate compares them (exit 1 when it fails).

Go: the flags, and whether any benchmark matches --bench (go test -list, on both sides with
--base-ref), are checked before any round. A build failure, panic or failed benchmark stops
the run and is reported once (exit 2), as are results that are not measurements (NaN, ±Inf).
Test binaries are built in a temporary folder, never in your tree.

Options:
  --go PATTERNS        Go packages, e.g. ./... (space- or comma-separated)
  --bench REGEX        -bench regular expression (default .)
  --count N            runs (rounds) per benchmark (default 10)
  --benchtime D        -benchtime, e.g. 200ms or 1000x
  --cpu LIST           -cpu list, e.g. 1,2,4
  --base-ref REF       compare with this commit, interleaved
  --profiles           also write a cpu and mem profile per package (Go): into --out, or with
                       --base-ref from one extra profiled run per side after the rounds, into
                       OUT/base-profiles and OUT/head-profiles
  --js MODULE          a tinybench 6 suite: exports a Bench (default or "bench"), or an
                       object of task functions (default or "tasks")
  --rounds N           rounds of the JS suite, each in a fresh node process (samples per
                       task; default 10, at least 5)
  --time MS            time per task per round when the module exports task functions
                       (default 100)
  --dir DIR            where to run (default: the current directory)
  --out DIR            where to write head.txt (and base.txt) (default: perfgate-out)
  plus the gate's options: --max-regression, --alpha, --correction, --test
`;
async function runBench(argv, io) {
  const { values } = parseCommandArgs("bench", argv, {
    go: { type: "string" },
    js: { type: "string" },
    bench: { type: "string" },
    count: { type: "string" },
    benchtime: { type: "string" },
    cpu: { type: "string" },
    "base-ref": { type: "string" },
    profiles: { type: "boolean" },
    rounds: { type: "string" },
    time: { type: "string" },
    dir: { type: "string" },
    out: { type: "string" },
    ...gateFlags
  });
  if (values.go === void 0 === (values.js === void 0)) {
    throw new UserError(
      `perfgate bench: give either --go <packages> or --js <suite>

${benchUsage}`
    );
  }
  checkFlagsOfOtherTool(values);
  const gateOptions = readGateOptions(values);
  const out = values.out ?? "perfgate-out";
  const dir = values.dir ?? ".";
  const log = (line) => io.stderr(`${line}
`);
  const go = values.js === void 0 ? readGoSettings(values, dir) : void 0;
  await mkdir(out, { recursive: true });
  if (values.js !== void 0 || go === void 0) {
    const js = {
      module: values.js ?? "",
      rounds: values.rounds === void 0 ? 10 : readInteger("--rounds", values.rounds, 1),
      time: values.time === void 0 ? 100 : readInteger("--time", values.time, 1),
      cwd: dir
    };
    const baseRef = values["base-ref"];
    if (baseRef === void 0) {
      const head = await keepOutput(out, "head.txt", await runJsBench(js, processRunner, log));
      io.stdout(`wrote ${path4.join(out, "head.txt")}: ${head.results.length} results
`);
      return 0;
    }
    const run2 = await runJsBenchInterleaved(
      { ...js, baseRef, requireBase: true },
      processRunner,
      log
    );
    return gateSides(run2, out, gateOptions, io);
  }
  if (values["base-ref"] === void 0) {
    const profilesDir = values.profiles ? path4.resolve(out) : void 0;
    const { text, profiles } = await runGoBench(
      { ...go, ...profilesDir ? { profilesDir } : {} },
      processRunner,
      log
    );
    const head = await keepOutput(out, "head.txt", text);
    for (const f of head.failures) io.stderr(`${failureMessage(f)}
`);
    io.stdout(`wrote ${path4.join(out, "head.txt")}: ${head.results.length} results
`);
    if (profiles.length > 0) io.stdout(`wrote ${profiles.length} profiles in ${out}
`);
    return head.failures.length > 0 ? 1 : 0;
  }
  const profileDirs = values.profiles ? { base: path4.join(out, "base-profiles"), head: path4.join(out, "head-profiles") } : void 0;
  if (profileDirs) {
    await mkdir(profileDirs.base, { recursive: true });
    await mkdir(profileDirs.head, { recursive: true });
  }
  const run = await runGoBenchInterleaved(
    {
      ...go,
      baseRef: values["base-ref"],
      requireBaseBenchmarks: true,
      ...profileDirs ? { profiles: profileDirs } : {}
    },
    processRunner,
    log
  );
  const notes = profileDirs ? [
    `wrote ${run.profiles.base.length + run.profiles.head.length} profiles in ${profileDirs.base} and ${profileDirs.head}`
  ] : [];
  return gateSides(run, out, gateOptions, io, notes);
}
function checkFlagsOfOtherTool(values) {
  const goOnly = ["bench", "count", "benchtime", "cpu", "profiles"];
  const jsOnly = ["rounds", "time"];
  const [given, wrong, other] = values.js !== void 0 ? ["--js", goOnly, "--go"] : ["--go", jsOnly, "--js"];
  const flag = wrong.find((f) => values[f] !== void 0);
  if (flag !== void 0) {
    const hint = flag === "count" ? " (with --js, --rounds sets the rounds)" : "";
    throw new UserError(`--${flag} is an option of ${other}, not of ${given}${hint}`);
  }
}
async function gateSides(run, out, gateOptions, io, notes = []) {
  const base = await keepOutput(out, "base.txt", run.base);
  const head = await keepOutput(out, "head.txt", run.head);
  const failures = [...base.failures, ...head.failures].map(failureMessage);
  if (failures.length > 0) {
    io.stdout(`FAIL: the benchmark runs have failures
${failures.join("\n")}
`);
    return 1;
  }
  const result = gate(base, head, gateOptions);
  io.stdout(`base ${run.baseSha.slice(0, 12)} vs head, ${run.rounds} interleaved rounds
`);
  for (const n of notes) io.stdout(`${n}
`);
  io.stdout(renderGateText(result));
  return gateExitCode(result, io, "bench");
}
async function keepOutput(out, name, text) {
  const file = path4.join(out, name);
  const invalid2 = file.replace(/\.txt$/, ".invalid.txt");
  try {
    parseBenchOutput(text, invalid2);
  } catch (err) {
    await rm4(file, { force: true });
    await writeFile(invalid2, text);
    throw err;
  }
  await rm4(invalid2, { force: true });
  await writeFile(file, text);
  return parseBenchOutput(text, file);
}
function readGoSettings(values, dir) {
  const { go = "", bench, count, benchtime, cpu } = values;
  return {
    dir,
    packages: readPackagePatterns(
      "--go",
      go.split(/[\s,]+/).filter((p) => p !== "")
    ),
    bench: readBenchRegex("--bench", bench ?? "."),
    count: count === void 0 ? 10 : readInteger("--count", count, 1, 1e3),
    ...benchtime !== void 0 ? { benchtime: readBenchtime("--benchtime", benchtime) } : {},
    ...cpu !== void 0 ? { cpu: readCpuList("--cpu", cpu) } : {}
  };
}

// src/cli/commands/collect.ts
import { mkdir as mkdir2, writeFile as writeFile2 } from "node:fs/promises";
import path5 from "node:path";

// src/model/goroutines.ts
function isRuntimeFrame(fn) {
  if (fn.startsWith("runtime.") || fn.startsWith("internal/runtime/")) return true;
  const slash = fn.lastIndexOf("/");
  const dot = fn.indexOf(".", slash + 1);
  return dot >= 0 && fn.startsWith("runtime_", dot + 1);
}
var waitPrimitive = /^(?:time\.Sleep$|sync\.\(\*(?:WaitGroup|Cond|Mutex|RWMutex)\)\.|internal\/sync\.|internal\/poll\.|net\.\(\*(?:netFD|conn)\)\.)/;
function blockingFrame(g) {
  return g.stack.find((f) => !isRuntimeFrame(f.fn) && !waitPrimitive.test(f.fn)) ?? g.stack.find((f) => !isRuntimeFrame(f.fn)) ?? g.stack.find((f) => f.fn !== "runtime.goexit");
}
function entryFrame(g) {
  for (let i = g.stack.length - 1; i >= 0; i--) {
    const frame = g.stack[i];
    if (frame.fn !== "runtime.goexit" && frame.fn !== "runtime.main") return frame;
  }
  return g.stack.find((f) => f.fn !== "runtime.goexit");
}
function commonKey(g) {
  const entry = entryFrame(g)?.fn;
  if (entry === void 0) return "(not started)";
  return `${entry} → ${blockingFrame(g)?.fn ?? "?"}`;
}
function creatorKey(g) {
  const state = g.state !== void 0 ? ` [${g.state}]` : "";
  return `${g.createdBy?.fn ?? "(no creator)"} ⇒ ${commonKey(g)}${state}`;
}
function showsCreators(s) {
  return s.source === "debug2";
}
function stackKey(stack) {
  return stack.map((f) => `${f.fn}	${f.file}:${f.line}`).join("\n");
}

// src/analyze/leaks.ts
var defaultIgnore = [
  "testing.*",
  "os/signal.*",
  "runtime/pprof.*",
  "runtime.ensureSigM*",
  "net/http.(*Server).Serve",
  "net/http.(*Server).ListenAndServe"
];
var defaultLeakOptions = {
  minGrowth: 10,
  minRatio: 2,
  parkedThreshold: 100,
  ignore: defaultIgnore
};
var leakAdvice = {
  "http-body": "close every response body (defer resp.Body.Close()), even when it is not read, so the connection's read and write loops can end",
  "chan-receive": "nothing sends to or closes this channel: close it when the sender is done, or select on ctx.Done() so the goroutine can return",
  "chan-send": "nobody receives what it sends: give the channel a buffer of the number of sends, or select on ctx.Done() beside the send",
  select: "none of the select's cases ever becomes ready: add a case <-ctx.Done() and cancel the context when the work is abandoned",
  sleep: "a loop that sleeps or ticks forever: stop it (ticker.Stop(), return on ctx.Done()) when its owner is done",
  waitgroup: "a WaitGroup whose Done is called fewer times than Add: call defer wg.Done() at the top of every goroutine it counts",
  cond: "a Cond that is never signalled: call Signal or Broadcast after every change the waiters wait for",
  mutex: "a lock that is never released: unlock with defer right after Lock, on every path",
  io: "a read or write that never ends: set a deadline (SetDeadline, http.Client.Timeout) or close the connection when done",
  unknown: "find what it waits for at the wait line and give it a way to end: a context to cancel, or a channel to close"
};
var stateKinds = [
  [/^chan receive/, "chan-receive"],
  [/^chan send/, "chan-send"],
  [/^select/, "select"],
  [/^sleep$/, "sleep"],
  [/^sync\.WaitGroup\.Wait$/, "waitgroup"],
  [/^sync\.Cond\.Wait$/, "cond"],
  [/^sync\.(RW)?Mutex\./, "mutex"],
  [/^IO wait$/, "io"]
];
var frameKinds = [
  [/^net\/http\.\(\*persistConn\)\.(readLoop|writeLoop)$/, "http-body"],
  [/^runtime\.chanrecv[12]?$/, "chan-receive"],
  [/^runtime\.chansend1?$/, "chan-send"],
  [/^runtime\.(selectgo|block)$/, "select"],
  [/^time\.Sleep$/, "sleep"],
  [/^time\.\(\*Ticker\)|^time\.Tick$/, "sleep"],
  [/^sync\.\(\*WaitGroup\)\.Wait$/, "waitgroup"],
  [/^sync\.\(\*Cond\)\.Wait$/, "cond"],
  [/^sync\.\(\*(RW)?Mutex\)\.R?Lock$/, "mutex"],
  [/^internal\/poll\.runtime_pollWait$/, "io"]
];
function leakKind(g) {
  if (g.stack.some((f) => frameKinds[0][0].test(f.fn))) return "http-body";
  for (const [re, kind] of stateKinds) if (g.state !== void 0 && re.test(g.state)) return kind;
  for (const f of g.stack) {
    const hit = frameKinds.find(([re]) => re.test(f.fn));
    if (hit) return hit[1];
  }
  return "unknown";
}
function globToRegExp(glob) {
  return new RegExp(
    `^${glob.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`
  );
}
function sites(s, ignore, key) {
  const out = /* @__PURE__ */ new Map();
  for (const g of s.groups) {
    if (g.stack.some((f) => ignore.some((re) => re.test(f.fn)))) continue;
    const k = key(g);
    const site = out.get(k);
    if (site) {
      site.count += g.count;
      if (g.count > site.group.count) site.group = g;
    } else out.set(k, { count: g.count, group: g });
  }
  return out;
}
function warning(severity, key, base, site) {
  const g = site.group;
  const kind = leakKind(g);
  return {
    severity,
    key,
    base,
    head: site.count,
    entry: entryFrame(g),
    createdBy: g.createdBy,
    blocking: blockingFrame(g),
    state: g.state,
    waitMinutes: g.waitMinutes,
    kind,
    advice: leakAdvice[kind],
    stack: g.stack
  };
}
function keyFor(head, base) {
  return showsCreators(head) && (!base || showsCreators(base)) ? creatorKey : commonKey;
}
var formNames = {
  debug1: "debug=1 text",
  debug2: "debug=2 text",
  proto: "a pprof goroutine profile"
};
function mixedFormsNote(head, base) {
  if (!base || base.source === head.source) return void 0;
  return `goroutine dumps in different forms (before: ${formNames[base.source]}, after: ${formNames[head.source]}) are compared by each goroutine's function and wait site only; take both as goroutine?debug=2 to group them by creator too`;
}
function findLeaks(head, base, options = defaultLeakOptions) {
  const ignore = options.ignore.map(globToRegExp);
  const key = keyFor(head, base);
  const h = sites(head, ignore, key);
  const out = [];
  if (base) {
    const b = sites(base, ignore, key);
    for (const [key2, site] of h) {
      const before = b.get(key2)?.count ?? 0;
      const growth = site.count - before;
      if (growth >= options.minGrowth && (before === 0 || site.count >= options.minRatio * before)) {
        out.push(warning("leak", key2, before, site));
      }
    }
  } else {
    for (const [key2, site] of h) {
      if (site.count >= options.parkedThreshold) out.push(warning("parked", key2, void 0, site));
    }
  }
  return out.sort((x, y) => y.head - (y.base ?? 0) - (x.head - (x.base ?? 0)));
}

// src/collect/files.ts
import { readFile as readFile3, readdir, stat } from "node:fs/promises";
import { join } from "node:path";
var MAX_INPUT_FILE_BYTES = 1024 * 1024 * 1024;
async function readInputFile(path10, maxBytes = MAX_INPUT_FILE_BYTES) {
  try {
    const info = await stat(path10);
    if (info.isDirectory()) throw new UserError(`${path10}: is a directory, not a file`);
    if (!info.isFile()) throw new UserError(`${path10}: not a regular file`);
    if (info.size > maxBytes)
      throw new UserError(`${path10}: ${info.size} bytes, more than the limit of ${maxBytes}`);
    return await readFile3(path10);
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = err.code;
    if (code === "ENOENT") throw new UserError(`${path10}: no such file`);
    if (code === "EACCES") throw new UserError(`${path10}: permission denied`);
    throw new UserError(`${path10}: cannot be read (${err.message})`);
  }
}
async function listFiles(dir, what = "a folder") {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    throw new UserError(`${dir}: not ${what}`);
  }
  const files2 = [];
  for (const e of entries) {
    if (e.isFile()) files2.push(e.name);
    else if (e.isSymbolicLink()) {
      const target = await stat(join(dir, e.name)).catch(() => void 0);
      if (target?.isFile()) files2.push(e.name);
    }
  }
  return files2.sort();
}

// src/parse/pprof/gzip.ts
import { gunzipSync } from "node:zlib";
var DEFAULT_MAX_DECOMPRESSED_BYTES = 1024 ** 3;
function isGzip(bytes2) {
  return bytes2.length >= 2 && bytes2[0] === 31 && bytes2[1] === 139;
}
function gunzipLimited(bytes2, limit) {
  try {
    return gunzipSync(bytes2, { maxOutputLength: limit, chunkSize: chunkFor(bytes2, limit) });
  } catch (err) {
    throw gzipError(err, limit);
  }
}
function gzipError(err, limit) {
  const e = err;
  if (e.code === "ERR_BUFFER_TOO_LARGE" || e instanceof RangeError) return tooLarge(limit);
  if (e.code === "Z_BUF_ERROR")
    return new FormatError("truncated gzip data: it ends before the end of the stream");
  return new FormatError(`corrupt gzip data: ${e.message}`);
}
function tooLarge(limit) {
  return new FormatError(
    `gzip data decompresses to more than ${formatBytes2(limit)}, the limit for one profile`
  );
}
function claimedSize(bytes2, limit) {
  const n = bytes2.length;
  if (n < 18) return 0;
  const isize = (bytes2[n - 4] | bytes2[n - 3] << 8 | bytes2[n - 2] << 16) + bytes2[n - 1] * 2 ** 24;
  return Math.min(isize, limit, n * 1032);
}
function chunkFor(bytes2, limit) {
  return Math.max(64 * 1024, Math.min(claimedSize(bytes2, limit) + 1, limit));
}
function formatBytes2(n) {
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB"];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1 && Number.isInteger(v / 1024)) {
    v /= 1024;
    i++;
  }
  return `${v} ${units[i]}`;
}

// src/parse/pprof/index.ts
import { createGunzip } from "node:zlib";

// src/parse/pprof/growable.ts
var GrowableIds = class {
  constructor(capacity = 1024, short = false, shared = false) {
    this.shared = shared;
    this.data = short ? typed(Uint16Array, capacity, shared) : typed(Uint32Array, capacity, shared);
  }
  shared;
  data;
  length = 0;
  /** True while every id so far fits in 16 bits (and the storage is Uint16). */
  get short() {
    return this.data instanceof Uint16Array;
  }
  /** True while every id so far fits in 32 bits (and the storage is Uint32). */
  get narrow() {
    return this.data instanceof Uint32Array;
  }
  /** Storage of the next width, with the values so far (pages not written cost no memory). */
  widen() {
    const next = this.short ? typed(Uint32Array, this.data.length, this.shared) : typed(Float64Array, this.data.length, this.shared);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
  /** Makes room for `n` more values. */
  reserve(n) {
    const need = this.length + n;
    if (need <= this.data.length) return;
    let cap = this.data.length * 2;
    while (cap < need) cap *= 2;
    const next = this.short ? typed(Uint16Array, cap, this.shared) : this.narrow ? typed(Uint32Array, cap, this.shared) : typed(Float64Array, cap, this.shared);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
  push(v) {
    this.reserve(1);
    if (v > 65535 && this.short) this.widen();
    if (v > 4294967295 && this.narrow) this.widen();
    this.data[this.length++] = v;
  }
  /** The pushed values (a view of the storage). */
  view() {
    return this.data.subarray(0, this.length);
  }
};
var GrowableFloats = class {
  constructor(capacity = 1024, shared = false) {
    this.shared = shared;
    this.data = typed(Float64Array, capacity, shared);
  }
  shared;
  data;
  length = 0;
  /** Makes the storage hold at least `n` values, in one step. */
  reserve(n) {
    if (n <= this.data.length) return;
    const next = typed(Float64Array, n, this.shared);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
  push(v) {
    if (this.length === this.data.length) {
      const next = typed(Float64Array, this.data.length * 2, this.shared);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  view() {
    return this.data.subarray(0, this.length);
  }
};
function typed(ctor, n, shared) {
  return shared ? new ctor(new SharedArrayBuffer(n * ctor.BYTES_PER_ELEMENT)) : new ctor(n);
}

// src/parse/pprof/schema.ts
var import_light = __toESM(require_light(), 1);

// src/parse/pprof/profile-schema.generated.ts
var profileSchema = {
  "nested": {
    "perftools": {
      "nested": {
        "profiles": {
          "nested": {
            "Profile": {
              "fields": {
                "sample_type": {
                  "rule": "repeated",
                  "type": "ValueType",
                  "id": 1
                },
                "sample": {
                  "rule": "repeated",
                  "type": "Sample",
                  "id": 2
                },
                "mapping": {
                  "rule": "repeated",
                  "type": "Mapping",
                  "id": 3
                },
                "location": {
                  "rule": "repeated",
                  "type": "Location",
                  "id": 4
                },
                "function": {
                  "rule": "repeated",
                  "type": "Function",
                  "id": 5
                },
                "string_table": {
                  "rule": "repeated",
                  "type": "string",
                  "id": 6
                },
                "drop_frames": {
                  "type": "int64",
                  "id": 7
                },
                "keep_frames": {
                  "type": "int64",
                  "id": 8
                },
                "time_nanos": {
                  "type": "int64",
                  "id": 9
                },
                "duration_nanos": {
                  "type": "int64",
                  "id": 10
                },
                "period_type": {
                  "type": "ValueType",
                  "id": 11
                },
                "period": {
                  "type": "int64",
                  "id": 12
                },
                "comment": {
                  "rule": "repeated",
                  "type": "int64",
                  "id": 13
                },
                "default_sample_type": {
                  "type": "int64",
                  "id": 14
                },
                "doc_url": {
                  "type": "int64",
                  "id": 15
                }
              }
            },
            "ValueType": {
              "fields": {
                "type": {
                  "type": "int64",
                  "id": 1
                },
                "unit": {
                  "type": "int64",
                  "id": 2
                }
              }
            },
            "Sample": {
              "fields": {
                "location_id": {
                  "rule": "repeated",
                  "type": "uint64",
                  "id": 1
                },
                "value": {
                  "rule": "repeated",
                  "type": "int64",
                  "id": 2
                },
                "label": {
                  "rule": "repeated",
                  "type": "Label",
                  "id": 3
                }
              }
            },
            "Label": {
              "fields": {
                "key": {
                  "type": "int64",
                  "id": 1
                },
                "str": {
                  "type": "int64",
                  "id": 2
                },
                "num": {
                  "type": "int64",
                  "id": 3
                },
                "num_unit": {
                  "type": "int64",
                  "id": 4
                }
              }
            },
            "Mapping": {
              "fields": {
                "id": {
                  "type": "uint64",
                  "id": 1
                },
                "memory_start": {
                  "type": "uint64",
                  "id": 2
                },
                "memory_limit": {
                  "type": "uint64",
                  "id": 3
                },
                "file_offset": {
                  "type": "uint64",
                  "id": 4
                },
                "filename": {
                  "type": "int64",
                  "id": 5
                },
                "build_id": {
                  "type": "int64",
                  "id": 6
                },
                "has_functions": {
                  "type": "bool",
                  "id": 7
                },
                "has_filenames": {
                  "type": "bool",
                  "id": 8
                },
                "has_line_numbers": {
                  "type": "bool",
                  "id": 9
                },
                "has_inline_frames": {
                  "type": "bool",
                  "id": 10
                }
              }
            },
            "Location": {
              "fields": {
                "id": {
                  "type": "uint64",
                  "id": 1
                },
                "mapping_id": {
                  "type": "uint64",
                  "id": 2
                },
                "address": {
                  "type": "uint64",
                  "id": 3
                },
                "line": {
                  "rule": "repeated",
                  "type": "Line",
                  "id": 4
                },
                "is_folded": {
                  "type": "bool",
                  "id": 5
                }
              }
            },
            "Line": {
              "fields": {
                "function_id": {
                  "type": "uint64",
                  "id": 1
                },
                "line": {
                  "type": "int64",
                  "id": 2
                },
                "column": {
                  "type": "int64",
                  "id": 3
                }
              }
            },
            "Function": {
              "fields": {
                "id": {
                  "type": "uint64",
                  "id": 1
                },
                "name": {
                  "type": "int64",
                  "id": 2
                },
                "system_name": {
                  "type": "int64",
                  "id": 3
                },
                "filename": {
                  "type": "int64",
                  "id": 4
                },
                "start_line": {
                  "type": "int64",
                  "id": 5
                }
              }
            }
          }
        }
      }
    }
  }
};

// src/parse/pprof/schema.ts
import_light.default.util.Long = void 0;
import_light.default.configure();
var root = import_light.default.Root.fromJSON(profileSchema);
var pprofTypes = {
  Profile: root.lookupType("perftools.profiles.Profile"),
  ValueType: root.lookupType("perftools.profiles.ValueType"),
  Sample: root.lookupType("perftools.profiles.Sample"),
  Label: root.lookupType("perftools.profiles.Label"),
  Mapping: root.lookupType("perftools.profiles.Mapping"),
  Location: root.lookupType("perftools.profiles.Location"),
  Line: root.lookupType("perftools.profiles.Line"),
  Function: root.lookupType("perftools.profiles.Function")
};
function fieldIds(type, names) {
  const out = {};
  for (const name of names) {
    const field = type.fields[name];
    if (!field) throw new Error(`proto/profile.proto: ${type.name} has no field ${name}`);
    out[name] = field.id;
  }
  return out;
}
var fieldNumbers = {
  Profile: fieldIds(pprofTypes.Profile, [
    "sample_type",
    "sample",
    "mapping",
    "location",
    "function",
    "string_table",
    "drop_frames",
    "keep_frames",
    "time_nanos",
    "duration_nanos",
    "period_type",
    "period",
    "comment",
    "default_sample_type",
    "doc_url"
  ]),
  Sample: fieldIds(pprofTypes.Sample, ["location_id", "value", "label"]),
  Label: fieldIds(pprofTypes.Label, ["key", "str", "num", "num_unit"]),
  Location: fieldIds(pprofTypes.Location, [
    "id",
    "mapping_id",
    "address",
    "line",
    "is_folded"
  ]),
  Line: fieldIds(pprofTypes.Line, ["function_id", "line", "column"])
};

// src/parse/pprof/wire-reader.ts
var WireType = { varint: 0, fixed64: 1, bytes: 2, startGroup: 3, endGroup: 4, fixed32: 5 };
var wireTypeNames = [
  "varint",
  "fixed64",
  "length-delimited",
  "group start",
  "group end",
  "fixed32"
];
function wireTypeName(wt) {
  return wireTypeNames[wt] ?? `invalid (${wt})`;
}
var TWO_32 = 4294967296;
var WireReader = class {
  constructor(buf, pos = 0, end = buf.length, offset = 0) {
    this.buf = buf;
    this.offset = offset;
    this.pos = pos;
    this.end = end;
  }
  buf;
  offset;
  pos;
  end;
  /** Reads an unsigned varint that fits in 32 bits' worth of callers (ids, lengths, tags). */
  uint() {
    const buf = this.buf;
    let pos = this.pos;
    const b = buf[pos++];
    if (b < 128 && pos <= this.end) {
      this.pos = pos;
      return b;
    }
    return this.slowVarint(false);
  }
  /** Reads a varint as a signed int64 (two's complement), exact up to 2^53. */
  int64() {
    const buf = this.buf;
    const pos = this.pos;
    const b = buf[pos];
    if (b < 128 && pos < this.end) {
      this.pos = pos + 1;
      return b;
    }
    return this.slowVarint(true);
  }
  /** Reads a varint as an unsigned uint64, exact up to 2^53. */
  uint64() {
    return this.uint();
  }
  slowVarint(signed2) {
    const buf = this.buf;
    let pos = this.pos;
    let lo = 0;
    let hi;
    let b;
    for (let shift = 0; shift < 28; shift += 7) {
      if (pos >= this.end) this.fail("a varint runs past the end of its message");
      b = buf[pos++];
      lo |= (b & 127) << shift;
      if (b < 128) {
        this.pos = pos;
        return lo >>> 0;
      }
    }
    if (pos >= this.end) this.fail("a varint runs past the end of its message");
    b = buf[pos++];
    lo |= (b & 15) << 28;
    hi = (b & 127) >> 4;
    if (b >= 128) {
      for (let shift = 3; shift < 32; shift += 7) {
        if (pos >= this.end) this.fail("a varint runs past the end of its message");
        b = buf[pos++];
        hi |= (b & 127) << shift;
        if (b < 128) break;
        if (shift + 7 >= 32) {
          this.fail("a varint is longer than 10 bytes");
        }
      }
    }
    this.pos = pos;
    return signed2 ? (hi | 0) * TWO_32 + (lo >>> 0) : (hi >>> 0) * TWO_32 + (lo >>> 0);
  }
  /** Reads a length prefix and returns the end offset of the field it announces. */
  lengthDelimitedEnd(what) {
    const len = this.uint();
    const end = this.pos + len;
    if (end > this.end) {
      this.fail(
        `${what} declares ${len} bytes but only ${this.end - this.pos} remain: the data is truncated or not a pprof profile`
      );
    }
    return end;
  }
  /** Skips a field of the given wire type. */
  skip(wireType, field) {
    switch (wireType) {
      case WireType.varint:
        this.uint64();
        return;
      case WireType.fixed64:
        this.advance(8, field);
        return;
      case WireType.bytes:
        this.pos = this.lengthDelimitedEnd(`field ${field}`);
        return;
      case WireType.fixed32:
        this.advance(4, field);
        return;
      default:
        this.fail(
          `field ${field} has wire type ${wireTypeName(wireType)}, which pprof never writes`
        );
    }
  }
  advance(n, field) {
    if (this.pos + n > this.end) this.fail(`field ${field} runs past the end of its message`);
    this.pos += n;
  }
  /** Raises a FormatError that says where in the data the problem is. */
  fail(message) {
    throw new FormatError(`malformed protobuf at byte ${this.offset + this.pos}: ${message}`);
  }
};

// src/parse/pprof/decode.ts
var P = fieldNumbers.Profile;
var S = fieldNumbers.Sample;
var LB = fieldNumbers.Label;
var LOC = fieldNumbers.Location;
var LN = fieldNumbers.Line;
var tag = (field, wt) => field << 3 | wt;
var SAMPLE_LOC_PACKED = tag(S.location_id, WireType.bytes);
var SAMPLE_LOC_ONE = tag(S.location_id, WireType.varint);
var SAMPLE_VALUE_PACKED = tag(S.value, WireType.bytes);
var SAMPLE_VALUE_ONE = tag(S.value, WireType.varint);
var SAMPLE_LABEL = tag(S.label, WireType.bytes);
var fieldNames = new Map(Object.entries(P).map(([name, id]) => [id, name]));
var utf8 = new TextDecoder("utf-8", { fatal: false });
var PIECE = 1 << 20;
function decodeProfile(buf) {
  const d = new ProfileDecoder(buf.length);
  const first = buf.length > PIECE ? d.feed(buf.subarray(0, PIECE), false) : 0;
  d.feed(buf.subarray(first), true);
  return d.finish();
}
var ProfileDecoder = class {
  locStart = new GrowableIds(1024);
  locationIds;
  valueStart = new GrowableIds(1024);
  values = new GrowableFloats(2048, true);
  labels = new LabelColumns();
  out;
  /** Bytes fed and decoded before the current piece (for the offsets errors give). */
  offset = 0;
  /** The decompressed size, exact or as claimed. */
  size;
  /** `size`: the decompressed size, exact or as claimed (stacks are sized from it). */
  constructor(size) {
    this.size = size;
    this.locationIds = new GrowableIds(Math.min(Math.max(size, 1024), 2 ** 31), true, true);
    this.out = {
      sampleTypes: [],
      sampleCount: 0,
      locStart: new Uint32Array(0),
      locationIds: new Uint32Array(0),
      valueStart: new Uint32Array(0),
      values: new Float64Array(0),
      labels: emptyLabels,
      locations: [],
      functions: [],
      mappings: [],
      strings: [],
      dropFrames: 0,
      keepFrames: 0,
      timeNanos: 0,
      durationNanos: 0,
      periodType: void 0,
      period: 0,
      comments: [],
      defaultSampleType: 0,
      docUrl: 0
    };
  }
  /**
   * Decodes the top-level fields of `buf`, the bytes that follow those fed before. Unless `last`,
   * a field cut off at the end is left: the number of bytes decoded is returned, and the caller
   * feeds the rest again with the bytes that follow. With `last`, every byte must decode.
   */
  feed(buf, last) {
    const r = new WireReader(buf, 0, buf.length, this.offset);
    const { locStart, locationIds, valueStart, values, labels, out } = this;
    while (r.pos < r.end) {
      if (!last && !wholeField(buf, r.pos)) break;
      const t = r.uint();
      const field = t >>> 3;
      const wt = t & 7;
      switch (field) {
        case P.sample: {
          expectWire(field, wt, WireType.bytes);
          const end = r.lengthDelimitedEnd("a Sample");
          locStart.push(locationIds.length);
          valueStart.push(values.length);
          labels.startSample();
          decodeSample(r, end, locationIds, values, labels);
          out.sampleCount++;
          break;
        }
        case P.location: {
          expectWire(field, wt, WireType.bytes);
          const end = r.lengthDelimitedEnd("a Location");
          out.locations.push(decodeLocation(r, end));
          break;
        }
        case P.string_table: {
          expectWire(field, wt, WireType.bytes);
          const end = r.lengthDelimitedEnd("a string");
          out.strings.push(decodeString(buf, r.pos, end));
          r.pos = end;
          break;
        }
        case P.function: {
          expectWire(field, wt, WireType.bytes);
          const end = r.lengthDelimitedEnd("a Function");
          const f = decodeSmall(pprofTypes.Function, buf, r, end);
          out.functions.push({
            id: num(f.id),
            name: num(f.name),
            systemName: num(f.system_name),
            filename: num(f.filename),
            startLine: num(f.start_line)
          });
          break;
        }
        case P.mapping: {
          expectWire(field, wt, WireType.bytes);
          const end = r.lengthDelimitedEnd("a Mapping");
          const m = decodeSmall(pprofTypes.Mapping, buf, r, end);
          out.mappings.push({
            id: num(m.id),
            memoryStart: num(m.memory_start),
            memoryLimit: num(m.memory_limit),
            fileOffset: num(m.file_offset),
            filename: num(m.filename),
            buildId: num(m.build_id),
            hasFunctions: m.has_functions === true,
            hasFilenames: m.has_filenames === true,
            hasLineNumbers: m.has_line_numbers === true,
            hasInlineFrames: m.has_inline_frames === true
          });
          break;
        }
        case P.sample_type:
        case P.period_type: {
          expectWire(field, wt, WireType.bytes);
          const end = r.lengthDelimitedEnd("a ValueType");
          const v = decodeSmall(pprofTypes.ValueType, buf, r, end);
          const vt = { type: num(v.type), unit: num(v.unit) };
          if (field === P.sample_type) out.sampleTypes.push(vt);
          else out.periodType = vt;
          break;
        }
        case P.comment:
          if (wt === WireType.bytes) {
            const end = r.lengthDelimitedEnd("Profile.comment");
            while (r.pos < end) out.comments.push(r.int64());
          } else {
            expectWire(field, wt, WireType.varint);
            out.comments.push(r.int64());
          }
          break;
        case P.drop_frames:
        case P.keep_frames:
        case P.time_nanos:
        case P.duration_nanos:
        case P.period:
        case P.default_sample_type:
        case P.doc_url: {
          expectWire(field, wt, WireType.varint);
          const v = r.int64();
          if (field === P.drop_frames) out.dropFrames = v;
          else if (field === P.keep_frames) out.keepFrames = v;
          else if (field === P.time_nanos) out.timeNanos = v;
          else if (field === P.duration_nanos) out.durationNanos = v;
          else if (field === P.period) out.period = v;
          else if (field === P.default_sample_type) out.defaultSampleType = v;
          else out.docUrl = v;
          break;
        }
        default:
          if (field === 0) r.fail("field number 0 is not valid protobuf");
          r.skip(wt, field);
      }
    }
    if (this.offset === 0 && !last) this.reserveFromFirstPiece(r.pos);
    this.offset += r.pos;
    return r.pos;
  }
  /**
   * Sizes values and labels for the whole profile from its first piece (Go writes the samples
   * first): shared memory left behind by doubling would wait for a full collection, while room
   * never written costs nothing.
   */
  reserveFromFirstPiece(decoded) {
    const { out, values, labels } = this;
    if (decoded === 0 || out.sampleCount === 0) return;
    const scale = 1.25 * Math.max(this.size, decoded) / decoded;
    values.reserve(Math.ceil(values.length * scale) + 1024);
    labels.reserve(Math.ceil(labels.length * scale) + 1024);
  }
  /** The profile decoded. */
  finish() {
    const { locStart, locationIds, valueStart, values, labels, out } = this;
    locStart.push(locationIds.length);
    valueStart.push(values.length);
    out.locStart = sharedCopy(locStart.view());
    out.locationIds = locationIds.view();
    out.valueStart = Uint32Array.from(valueStart.view());
    out.values = values.view();
    out.labels = labels.finish();
    return out;
  }
};
function wholeField(buf, pos) {
  const end = buf.length;
  let p = pos;
  let tag2 = 0;
  for (let shift = 0; ; shift += 7) {
    if (p >= end) return false;
    if (shift > 63) return true;
    const b = buf[p++];
    if (shift < 28) tag2 |= (b & 127) << shift;
    if (b < 128) break;
  }
  const wt = tag2 & 7;
  if (wt === WireType.fixed64) return p + 8 <= end;
  if (wt === WireType.fixed32) return p + 4 <= end;
  if (wt !== WireType.varint && wt !== WireType.bytes) return true;
  let len = 0;
  for (let shift = 0; ; shift += 7) {
    if (p >= end) return false;
    if (shift > 63) return true;
    const b = buf[p++];
    len += (b & 127) * 2 ** shift;
    if (b < 128) break;
  }
  return wt === WireType.varint || p + len <= end;
}
function expectWire(field, wt, want) {
  if (wt !== want) {
    const name = fieldNames.get(field) ?? `field ${field}`;
    throw new FormatError(
      `not a pprof profile: Profile.${name} (field ${field}) has wire type ${wireTypeName(wt)}, expected ${wireTypeName(want)}`
    );
  }
}
function decodeSample(r, end, locationIds, values, labels) {
  const outerEnd = r.end;
  r.end = end;
  while (r.pos < end) {
    const t = r.uint();
    if (t === SAMPLE_LOC_PACKED) {
      const e = r.lengthDelimitedEnd("Sample.location_id");
      readPackedIds(r, e, locationIds);
    } else if (t === SAMPLE_VALUE_PACKED) {
      const e = r.lengthDelimitedEnd("Sample.value");
      while (r.pos < e) values.push(r.int64());
    } else if (t === SAMPLE_LOC_ONE) {
      locationIds.push(r.uint64());
    } else if (t === SAMPLE_VALUE_ONE) {
      values.push(r.int64());
    } else if (t === SAMPLE_LABEL) {
      const e = r.lengthDelimitedEnd("Sample.label");
      decodeLabel(r, e, labels);
    } else {
      wrongOrUnknown(r, t, "Sample", [S.location_id, S.value, S.label]);
    }
  }
  r.end = outerEnd;
}
function readPackedIds(r, end, ids) {
  ids.reserve(end - r.pos);
  if (ids.short) {
    readShortIds(r, end, ids);
    return;
  }
  if (!ids.narrow) {
    while (r.pos < end) ids.push(r.uint64());
    return;
  }
  const buf = r.buf;
  const data = ids.data;
  let len = ids.length;
  let pos = r.pos;
  while (pos < end) {
    const b0 = buf[pos];
    if (b0 < 128) {
      data[len++] = b0;
      pos += 1;
      continue;
    }
    const b1 = buf[pos + 1];
    if (b1 < 128) {
      data[len++] = b0 & 127 | b1 << 7;
      pos += 2;
      continue;
    }
    const b2 = buf[pos + 2];
    if (b2 < 128) {
      data[len++] = b0 & 127 | (b1 & 127) << 7 | b2 << 14;
      pos += 3;
      continue;
    }
    r.pos = pos;
    ids.length = len;
    ids.push(r.uint64());
    if (r.pos > end) r.fail("a varint runs past the end of Sample.location_id");
    readPackedIds(r, end, ids);
    return;
  }
  if (pos !== end) {
    r.pos = end;
    r.fail("a varint runs past the end of Sample.location_id");
  }
  r.pos = pos;
  ids.length = len;
}
function readShortIds(r, end, ids) {
  const buf = r.buf;
  const data = ids.data;
  let len = ids.length;
  let pos = r.pos;
  while (pos < end) {
    const b0 = buf[pos];
    if (b0 < 128) {
      data[len++] = b0;
      pos += 1;
      continue;
    }
    const b1 = buf[pos + 1];
    if (b1 < 128) {
      data[len++] = b0 & 127 | b1 << 7;
      pos += 2;
      continue;
    }
    const b2 = buf[pos + 2];
    if (b2 < 4) {
      data[len++] = b0 & 127 | (b1 & 127) << 7 | b2 << 14;
      pos += 3;
      continue;
    }
    r.pos = pos;
    ids.length = len;
    ids.push(r.uint64());
    if (r.pos > end) r.fail("a varint runs past the end of Sample.location_id");
    readPackedIds(r, end, ids);
    return;
  }
  if (pos !== end) {
    r.pos = end;
    r.fail("a varint runs past the end of Sample.location_id");
  }
  r.pos = pos;
  ids.length = len;
}
function decodeLabel(r, end, labels) {
  const outerEnd = r.end;
  r.end = end;
  let key = 0;
  let str = 0;
  let num2 = 0;
  let numUnit = 0;
  while (r.pos < end) {
    const t = r.uint();
    const field = t >>> 3;
    if ((t & 7) !== WireType.varint) {
      wrongOrUnknown(r, t, "Label", [LB.key, LB.str, LB.num, LB.num_unit]);
      continue;
    }
    const v = r.int64();
    if (field === LB.key) key = v;
    else if (field === LB.str) str = v;
    else if (field === LB.num) num2 = v;
    else if (field === LB.num_unit) numUnit = v;
  }
  r.end = outerEnd;
  labels.push(key, str, num2, numUnit);
}
var emptyLabels = {
  start: new Uint32Array(1),
  key: new Float64Array(0),
  str: new Float64Array(0),
  num: new Float64Array(0),
  numUnit: new Float64Array(0)
};
function sharedCopy(ids) {
  const out = typed(Uint32Array, ids.length, true);
  out.set(ids);
  return out;
}
var LabelColumns = class {
  // In shared memory, as the stacks: a profile read on a worker thread comes back uncopied.
  start = new GrowableIds(1024);
  key = new GrowableFloats(1024, true);
  str = new GrowableFloats(1024, true);
  num = new GrowableFloats(1024, true);
  numUnit = new GrowableFloats(1024, true);
  /**
   * Room for `n` more labels in one step: what a growing array leaves behind in shared memory
   * waits for a full collection, so the decoder sizes the columns once from an estimate.
   */
  reserve(n) {
    for (const c of [this.key, this.str, this.num, this.numUnit]) c.reserve(c.length + n);
  }
  get length() {
    return this.key.length;
  }
  startSample() {
    this.start.push(this.key.length);
  }
  push(key, str, num2, numUnit) {
    this.key.push(key);
    this.str.push(str);
    this.num.push(num2);
    this.numUnit.push(numUnit);
  }
  finish() {
    this.start.push(this.key.length);
    return {
      start: sharedCopy(this.start.view()),
      key: this.key.view(),
      str: this.str.view(),
      num: this.num.view(),
      numUnit: this.numUnit.view()
    };
  }
};
function decodeLocation(r, end) {
  const outerEnd = r.end;
  r.end = end;
  const loc = { id: 0, mappingId: 0, address: 0, lines: [], isFolded: false };
  while (r.pos < end) {
    const t = r.uint();
    const field = t >>> 3;
    const wt = t & 7;
    if (field === LOC.line && wt === WireType.bytes) {
      const e = r.lengthDelimitedEnd("Location.line");
      loc.lines.push(decodeLine(r, e));
    } else if (wt === WireType.varint && field !== LOC.line) {
      const v = r.uint64();
      if (field === LOC.id) loc.id = v;
      else if (field === LOC.mapping_id) loc.mappingId = v;
      else if (field === LOC.address) loc.address = v;
      else if (field === LOC.is_folded) loc.isFolded = v !== 0;
    } else {
      wrongOrUnknown(r, t, "Location", [
        LOC.id,
        LOC.mapping_id,
        LOC.address,
        LOC.line,
        LOC.is_folded
      ]);
    }
  }
  r.end = outerEnd;
  return loc;
}
function decodeLine(r, end) {
  const outerEnd = r.end;
  r.end = end;
  const line = { functionId: 0, line: 0, column: 0 };
  while (r.pos < end) {
    const t = r.uint();
    const field = t >>> 3;
    if ((t & 7) !== WireType.varint) {
      wrongOrUnknown(r, t, "Line", [LN.function_id, LN.line, LN.column]);
      continue;
    }
    const v = r.int64();
    if (field === LN.function_id) line.functionId = v;
    else if (field === LN.line) line.line = v;
    else if (field === LN.column) line.column = v;
  }
  r.end = outerEnd;
  return line;
}
function wrongOrUnknown(r, t, message, known) {
  const field = t >>> 3;
  const wt = t & 7;
  if (known.includes(field)) {
    throw new FormatError(
      `not a pprof profile: ${message} field ${field} has wire type ${wireTypeName(wt)}`
    );
  }
  if (field === 0) r.fail("field number 0 is not valid protobuf");
  r.skip(wt, field);
}
function decodeSmall(type, buf, r, end) {
  let msg;
  try {
    msg = type.decode(buf.subarray(r.pos, end));
  } catch (err) {
    throw new FormatError(
      `not a pprof profile: a ${type.name} message at byte ${r.offset + r.pos} does not decode (${err.message})`
    );
  }
  r.pos = end;
  return msg;
}
function num(v) {
  return typeof v === "number" ? v : 0;
}
function decodeString(buf, start, end) {
  if (end - start < 64) {
    let ascii = true;
    for (let i = start; i < end; i++) {
      if (buf[i] >= 128) {
        ascii = false;
        break;
      }
    }
    if (ascii)
      return String.fromCharCode.apply(null, buf.subarray(start, end));
  }
  return utf8.decode(buf.subarray(start, end));
}

// src/parse/pprof/resolve.ts
function invalid(message) {
  throw new FormatError(`invalid profile: ${message}`);
}
function resolveProfile(raw) {
  const strings = raw.strings;
  if (strings.length === 0) {
    throw new FormatError("not a pprof profile: it has no string table");
  }
  if (strings[0] !== "") {
    throw new FormatError('not a pprof profile: its string table does not start with ""');
  }
  const str = (index, what) => {
    const s = strings[index];
    if (s === void 0 || !Number.isInteger(index)) {
      invalid(
        `${what}: string index ${index} is out of range (the string table has ${strings.length} entries)`
      );
    }
    return s;
  };
  const valueType = (v, what) => ({
    type: str(v.type, `${what} type`),
    unit: str(v.unit, `${what} unit`)
  });
  if (raw.sampleTypes.length === 0) {
    throw new FormatError("not a pprof profile: it declares no sample types");
  }
  const sampleTypes = raw.sampleTypes.map((v, i) => valueType(v, `sample type ${i}`));
  const mappings = [];
  const mappingById = /* @__PURE__ */ new Map();
  for (const m of raw.mappings) {
    checkId(m.id, "mapping", mappingById);
    const mapping = {
      ...m,
      filename: str(m.filename, `mapping ${m.id} filename`),
      buildId: str(m.buildId, `mapping ${m.id} build id`)
    };
    mappings.push(mapping);
    mappingById.set(m.id, mapping);
  }
  const functions = [];
  const functionById = /* @__PURE__ */ new Map();
  for (const f of raw.functions) {
    checkId(f.id, "function", functionById);
    const fn = {
      id: f.id,
      name: str(f.name, `function ${f.id} name`),
      systemName: str(f.systemName, `function ${f.id} system name`),
      filename: str(f.filename, `function ${f.id} filename`),
      startLine: f.startLine
    };
    functions.push(fn);
    functionById.set(f.id, fn);
  }
  const locations = [];
  const locationIndexById = /* @__PURE__ */ new Map();
  for (const l of raw.locations) {
    checkId(l.id, "location", locationIndexById);
    let mapping;
    if (l.mappingId !== 0) {
      mapping = mappingById.get(l.mappingId);
      if (!mapping)
        invalid(`location ${l.id} refers to mapping id ${l.mappingId}, which is not defined`);
    }
    const lines = l.lines.map((ln) => {
      let fn;
      if (ln.functionId !== 0) {
        fn = functionById.get(ln.functionId);
        if (!fn) {
          invalid(`location ${l.id} refers to function id ${ln.functionId}, which is not defined`);
        }
      }
      return { fn, line: ln.line, column: ln.column };
    });
    locationIndexById.set(l.id, locations.length);
    locations.push({ id: l.id, mapping, address: l.address, lines, isFolded: l.isFolded });
  }
  const width = sampleTypes.length;
  const count = raw.sampleCount;
  const values = sampleValues(raw, width);
  const stack = stackIndices(raw, locationIndexById);
  const labels = labelTable(raw, strings);
  const defaultName = raw.defaultSampleType === 0 ? "" : str(raw.defaultSampleType, "default sample type");
  let defaultSampleIndex = sampleTypes.findIndex(
    (t) => defaultName !== "" && t.type === defaultName
  );
  if (defaultSampleIndex < 0) defaultSampleIndex = width - 1;
  return {
    sampleTypes,
    defaultSampleIndex,
    samples: { count, width, values, stackStart: raw.locStart, stack, labels },
    locations,
    functions,
    mappings,
    dropFrames: str(raw.dropFrames, "drop_frames"),
    keepFrames: str(raw.keepFrames, "keep_frames"),
    timeNanos: raw.timeNanos,
    durationNanos: raw.durationNanos,
    periodType: raw.periodType && valueType(raw.periodType, "period type"),
    period: raw.period,
    comments: raw.comments.map((c, i) => str(c, `comment ${i}`)),
    docUrl: str(raw.docUrl, "doc_url")
  };
}
function checkId(id, what, seen) {
  if (id === 0) invalid(`a ${what} has id 0 (ids must be non-zero)`);
  if (seen.has(id)) invalid(`${what} id ${id} is defined twice`);
}
function labelTable(raw, strings) {
  const { start, key, str, num: num2, numUnit } = raw.labels;
  const n = strings.length;
  for (let j = 0; j < key.length; j++) {
    for (const [what, column] of [
      ["key", key],
      ["value", str],
      ["unit", numUnit]
    ]) {
      const index = column[j];
      if (index < 0 || index >= n || !Number.isInteger(index)) {
        let sample = 0;
        while (start[sample + 1] <= j) sample++;
        invalid(
          `sample ${sample} label ${what}: string index ${index} is out of range (the string table has ${n} entries)`
        );
      }
    }
  }
  return { start, key, str, num: num2, numUnit, strings };
}
function sampleValues(raw, width) {
  const { valueStart, values, sampleCount } = raw;
  if (values.length !== sampleCount * width || valueStart[sampleCount] !== values.length) {
    invalid(wrongValueCount(raw, width));
  }
  for (let i = 0; i < sampleCount; i++) {
    if (valueStart[i] !== i * width) invalid(wrongValueCount(raw, width));
  }
  return values;
}
function wrongValueCount(raw, width) {
  for (let i = 0; i < raw.sampleCount; i++) {
    const n = raw.valueStart[i + 1] - raw.valueStart[i];
    if (n !== width) {
      return `sample ${i} has ${n} values but the profile declares ${width} sample types`;
    }
  }
  return `samples have ${raw.values.length} values in all, not ${width} per sample`;
}
function stackIndices(raw, indexById) {
  const ids = raw.locationIds;
  let maxId = 0;
  for (const id of indexById.keys()) if (id > maxId) maxId = id;
  const dense = maxId <= 4 * indexById.size + 1024;
  const table2 = dense ? new Int32Array(maxId + 1).fill(-1) : void 0;
  if (table2) for (const [id, index] of indexById) table2[id] = index;
  if (table2 && ids instanceof Uint32Array) return idsToIndices(ids, table2, raw);
  if (table2 && ids instanceof Uint16Array) return shortIdsToIndices(ids, table2, raw);
  const out = new Uint32Array(ids.length);
  for (let j = 0; j < ids.length; j++) {
    const id = ids[j];
    const index = table2 ? id < table2.length ? table2[id] : -1 : indexById.get(id) ?? -1;
    if (index < 0) {
      invalid(`${sampleOf(raw, j)} refers to location id ${id}, which is not defined`);
    }
    out[j] = index;
  }
  return out;
}
function idsToIndices(ids, table2, raw) {
  const n = ids.length;
  const size = table2.length;
  for (let j = 0; j < n; j++) {
    const id = ids[j];
    const index = id < size ? table2[id] : -1;
    if (index < 0) {
      invalid(`${sampleOf(raw, j)} refers to location id ${id}, which is not defined`);
    }
    ids[j] = index;
  }
  return ids;
}
function shortIdsToIndices(ids, table2, raw) {
  const n = ids.length;
  const size = table2.length;
  for (let j = 0; j < n; j++) {
    const id = ids[j];
    const index = id < size ? table2[id] : -1;
    if (index < 0) {
      invalid(`${sampleOf(raw, j)} refers to location id ${id}, which is not defined`);
    }
    ids[j] = index;
  }
  return ids;
}
function sampleOf(raw, frame) {
  let lo = 0;
  let hi = raw.sampleCount - 1;
  while (lo < hi) {
    const mid = lo + hi + 1 >> 1;
    if (raw.locStart[mid] <= frame) lo = mid;
    else hi = mid - 1;
  }
  return `sample ${lo}`;
}

// src/parse/pprof/index.ts
function pprofBytes(bytes2, options = {}) {
  if (bytes2.length === 0) throw new FormatError("empty file (0 bytes): not a pprof profile");
  if (!isGzip(bytes2)) return bytes2;
  const raw = gunzipLimited(bytes2, options.maxDecompressedBytes ?? DEFAULT_MAX_DECOMPRESSED_BYTES);
  if (raw.length === 0)
    throw new FormatError("gzip data decompresses to 0 bytes: not a pprof profile");
  return raw;
}
function parsePprof(bytes2, options = {}) {
  const raw = pprofBytes(bytes2, options);
  const text = textPreview(raw);
  if (text !== void 0) {
    throw new FormatError(`not a pprof profile: it is text, starting ${JSON.stringify(text)}`);
  }
  return resolveProfile(decodeProfile(raw));
}
function textPreview(bytes2) {
  const head = bytes2.subarray(0, 512);
  for (const b of head) {
    const printable = b === 9 || b === 10 || b === 13 || b >= 32 && b !== 127;
    if (!printable) return void 0;
  }
  const first = new TextDecoder().decode(head).split(/\r?\n/)[0] ?? "";
  return first.length > 60 ? `${first.slice(0, 60)}…` : first;
}
var PIECE2 = 1 << 20;
async function readPprof(bytes2, options = {}) {
  if (bytes2.length === 0 || !isGzip(bytes2)) return parsePprof(bytes2, options);
  const limit = options.maxDecompressedBytes ?? DEFAULT_MAX_DECOMPRESSED_BYTES;
  const decoder = new ProfileDecoder(claimedSize(bytes2, limit));
  let rest = new Uint8Array(PIECE2);
  let restLength = 0;
  let total = 0;
  let checked = false;
  const append = (more) => {
    if (restLength + more.length > rest.length) {
      const grown = new Uint8Array(Math.max(2 * rest.length, restLength + more.length));
      grown.set(rest.subarray(0, restLength));
      rest = grown;
    }
    rest.set(more, restLength);
    restLength += more.length;
  };
  const take = (piece, last) => {
    total += piece.length;
    if (total > limit) throw tooLarge(limit);
    const gathering = restLength > 0 || !checked;
    if (gathering) append(piece);
    const buf = gathering ? rest.subarray(0, restLength) : piece;
    if (!checked) {
      if (buf.length < 512 && !last) return;
      checked = true;
      const text = textPreview(buf);
      if (text !== void 0) {
        throw new FormatError(`not a pprof profile: it is text, starting ${JSON.stringify(text)}`);
      }
    }
    const used = decoder.feed(buf, last);
    if (gathering) {
      rest.copyWithin(0, used, restLength);
      restLength -= used;
    } else if (used < buf.length) {
      append(buf.subarray(used));
    }
  };
  await new Promise((resolve, reject) => {
    const gunzip = createGunzip({ chunkSize: options.pieceBytes ?? PIECE2 });
    let failed = false;
    const fail2 = (err) => {
      failed = true;
      gunzip.destroy();
      reject(err);
    };
    const queue = [];
    let ended = false;
    let scheduled = false;
    const decode = () => {
      scheduled = false;
      if (failed) return;
      try {
        for (let piece = queue.shift(); piece; piece = queue.shift()) take(piece, false);
        if (!ended) return;
        if (total === 0)
          throw new FormatError("gzip data decompresses to 0 bytes: not a pprof profile");
        take(new Uint8Array(0), true);
        resolve();
      } catch (err) {
        fail2(err);
      }
    };
    const schedule = () => {
      if (scheduled) return;
      scheduled = true;
      setImmediate(decode);
    };
    gunzip.on("data", (piece) => {
      queue.push(piece);
      schedule();
    });
    gunzip.on("end", () => {
      ended = true;
      schedule();
    });
    gunzip.on("error", (err) => {
      if (!failed) fail2(gzipError(err, limit));
    });
    gunzip.end(bytes2);
  });
  return resolveProfile(decoder.finish());
}

// src/collect/pprof-http.ts
var MAX_PROFILE_BODY_BYTES = MAX_INPUT_FILE_BYTES;
var MAX_INDEX_BYTES = 1024 * 1024;
var MAX_REDIRECTS = 5;
function profileUrl(baseUrl, spec) {
  return `${baseUrl.replace(/\/+$/, "")}/${spec.replace(/^\/+/, "")}`;
}
function profileFileName(spec) {
  const [path10 = "", query = ""] = spec.split("?");
  const name = path10 === "profile" ? "cpu" : path10.replace(/[^A-Za-z0-9_-]+/g, "_");
  const debug = /(?:^|&)debug=([12])/.exec(query)?.[1];
  return debug ? `${name}.debug${debug}.txt` : `${name}.pb.gz`;
}
function seconds(spec) {
  const m = /(?:\?|&)seconds=(\d+)/.exec(spec);
  if (m) return Number(m[1]);
  return spec.startsWith("profile") ? 30 : 0;
}
function describe(err) {
  const e = err;
  if (e.name === "TimeoutError" || e.name === "AbortError") return "timed out";
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(err);
}
async function waitForEndpoint(baseUrl, waitSeconds, log) {
  const deadline = Date.now() + waitSeconds * 1e3;
  let last;
  let announced = false;
  for (; ; ) {
    try {
      const url = profileUrl(baseUrl, "");
      const r = await getWithinOrigin(url, AbortSignal.timeout(5e3));
      const bytes2 = await readBody(url, r, MAX_INDEX_BYTES, "an index page");
      return { status: r.status, text: new TextDecoder().decode(bytes2) };
    } catch (err) {
      if (err instanceof UserError) throw err;
      last = describe(err);
    }
    if (Date.now() >= deadline) {
      throw new UserError(
        `${baseUrl}: no answer within ${waitSeconds}s (last error: ${last}); is the service running and listening there?`
      );
    }
    if (!announced) {
      log(`waiting for ${baseUrl} to answer (up to ${waitSeconds}s)`);
      announced = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
function profileName(spec) {
  return spec.split("?")[0].replace(/^\/+/, "");
}
function indexedProfiles(indexHtml) {
  const names = [...indexHtml.matchAll(/href=['"]([^'"?]+)\?debug=1['"]/g)].map(
    (m) => decodeURIComponent(m[1])
  );
  return [...new Set(names)];
}
function checkAgainstIndex(s, index) {
  const { baseUrl, profiles: specs, profilesLabel = "--profiles" } = s;
  if (index.status === 404) {
    throw new UserError(
      `${baseUrl}: pprof is not served at this URL (404 Not Found for the index); import _ "net/http/pprof" in the service, or give the URL its /debug/pprof handler is mounted at`
    );
  }
  const offered = indexedProfiles(index.text);
  if (offered.length === 0) return;
  for (const spec of specs) {
    const name = profileName(spec);
    if (!offered.includes(name)) {
      const near = offered.find((o) => name.startsWith(o) || o.startsWith(name));
      throw new UserError(
        `${profilesLabel}: "${name}" is not a profile ${baseUrl} offers${near ? ` (did you mean "${near}"?)` : ""}; it offers ${offered.join(", ")}`
      );
    }
  }
}
function recognise(url, bytes2, contentType) {
  if (isGzip(bytes2) || contentType.includes("octet-stream")) return "proto";
  const head = new TextDecoder().decode(bytes2.subarray(0, 200)).trimStart();
  if (/^goroutine(leak)? profile: total \d+/.test(head)) return "debug1";
  if (/^goroutine \d+ \[/.test(head)) return "debug2";
  if (head.startsWith("<") || contentType.includes("text/html")) {
    throw new UserError(
      `${url}: answered with an HTML page, not a profile (is this the /debug/pprof/ endpoint of a Go service?)`
    );
  }
  if (bytes2.length === 0) throw new UserError(`${url}: answered with an empty body, not a profile`);
  throw new UserError(
    `${url}: answered with ${bytes2.length} bytes that are not a profile (neither a pprof protobuf nor a goroutine dump)`
  );
}
function profileNotes(spec, samples) {
  const kind = spec.split("?")[0];
  if (kind !== "block" && kind !== "mutex") return [];
  if (samples > 0) return [];
  return kind === "block" ? [
    "the block profile is empty: the service never called runtime.SetBlockProfileRate; call runtime.SetBlockProfileRate(1) (or a sampling rate such as 10000 ns) at start-up to record blocking"
  ] : [
    "the mutex profile is empty: the service never called runtime.SetMutexProfileFraction; call runtime.SetMutexProfileFraction(5) (or 1 for every event) at start-up to record contention"
  ];
}
async function getWithinOrigin(url, signal) {
  const origin = new URL(url).origin;
  let current = url;
  for (let hops = 0; ; hops++) {
    const r = await fetch(current, { signal, redirect: "manual" });
    const location = r.status >= 300 && r.status < 400 ? r.headers.get("location") : null;
    if (location === null) return r;
    await r.body?.cancel();
    let next;
    try {
      next = new URL(location, current);
    } catch {
      throw new UserError(`${url}: redirected to something that is not a URL`);
    }
    if (next.origin !== origin) {
      throw new UserError(
        `${url}: redirected to another origin (${next.origin}); redirects are followed only within ${origin}`
      );
    }
    if (hops >= MAX_REDIRECTS) throw new UserError(`${url}: more than ${MAX_REDIRECTS} redirects`);
    current = next.href;
  }
}
async function readBody(url, r, max, what = "a profile") {
  const tooBig = () => new UserError(`${url}: the answer is more than ${max} bytes, the limit for ${what}`);
  const declared = Number(r.headers.get("content-length") ?? NaN);
  if (declared > max) {
    await r.body?.cancel();
    throw tooBig();
  }
  const chunks = [];
  let size = 0;
  if (r.body) {
    const reader = r.body.getReader();
    for (; ; ) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > max) {
        await reader.cancel();
        throw tooBig();
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks);
}
function checkProto(url, spec, bytes2) {
  try {
    return profileNotes(spec, parsePprof(bytes2).samples.count);
  } catch (err) {
    const why = err.message.replace(/, starting [\s\S]*$/, "");
    throw new UserError(`${url}: the answer is not a pprof profile (${why})`);
  }
}
async function fetchProfile(s, spec, abandon) {
  const url = profileUrl(s.baseUrl, spec);
  const signal = AbortSignal.any([
    AbortSignal.timeout((s.timeoutSeconds + seconds(spec)) * 1e3),
    ...abandon ? [abandon] : []
  ]);
  let response;
  for (let attempt = 1; !response; attempt++) {
    try {
      response = await getWithinOrigin(url, signal);
    } catch (err) {
      if (err instanceof UserError) throw err;
      if (describe(err) !== "ECONNREFUSED" || attempt >= 3) {
        throw new UserError(`${url}: the request failed (${describe(err)})`);
      }
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
  if (response.status === 404) {
    await response.body?.cancel();
    throw new UserError(
      `${url}: 404 Not Found: "${spec.split("?")[0]}" is not a profile this service offers`
    );
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new UserError(`${url}: HTTP ${response.status}, not a profile`);
  }
  let bytes2;
  try {
    bytes2 = await readBody(url, response, s.maxBytes ?? MAX_PROFILE_BODY_BYTES);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(
      `${url}: the connection dropped while reading the answer (${describe(err)})`
    );
  }
  const format = recognise(url, bytes2, response.headers.get("content-type") ?? "");
  const notes = format === "proto" ? checkProto(url, spec, bytes2) : [];
  return { spec, fileName: profileFileName(spec), format, bytes: bytes2, notes };
}
function beforeLoadSpec(specs) {
  const goroutine = specs.filter((p) => profileName(p) === "goroutine");
  return goroutine.find((p) => profileFileName(p).endsWith(".debug2.txt")) ?? goroutine.find((p) => profileFileName(p).endsWith(".pb.gz")) ?? goroutine[0] ?? "goroutine";
}
async function collectFromService(s, log, load3, keep) {
  checkAgainstIndex(s, await waitForEndpoint(s.baseUrl, s.waitSeconds, log));
  const abandon = new AbortController();
  const fetchLogged = async (spec) => {
    const secs = seconds(spec);
    log(`fetching ${profileUrl(s.baseUrl, spec)}${secs > 0 ? ` (${secs}s)` : ""}`);
    return fetchProfile(s, spec, abandon.signal);
  };
  if (!load3) {
    for (const spec of s.profiles) await keep(await fetchLogged(spec));
    return;
  }
  const beforeSpec = beforeLoadSpec(s.profiles);
  const before = await fetchLogged(beforeSpec);
  await keep({
    ...before,
    spec: `${beforeSpec} (before the load)`,
    fileName: profileFileName(beforeSpec).replace(/^goroutine/, "goroutine-before")
  });
  log("starting the load");
  const started = Date.now();
  let end;
  const ended = load3().then(
    () => end = { at: Date.now(), error: void 0 },
    (error2) => end = { at: Date.now(), error: error2 }
  );
  const failed = ended.then((e) => e.error === void 0 ? new Promise(() => {
  }) : e);
  for (const spec of s.profiles.filter((p) => seconds(p) > 0)) {
    const taking = fetchLogged(spec);
    taking.catch(() => {
    });
    const first = await Promise.race([taking, failed]);
    if (!("bytes" in first)) {
      abandon.abort();
      throw first.error;
    }
    if (end && end.at - started < seconds(spec) * 1e3) {
      const took = ((end.at - started) / 1e3).toFixed(1);
      const note = `the load ended after ${took}s, before this ${seconds(spec)}s profile did: part of it shows an idle service; make the load last longer or take fewer seconds`;
      log(`warning: ${spec}: ${note}`);
      first.notes.push(note);
    }
    await keep(first);
  }
  const { error } = await ended;
  if (error !== void 0) throw error;
  log("the load is done");
  for (const spec of s.profiles.filter((p) => seconds(p) === 0))
    await keep(await fetchLogged(spec));
}

// src/parse/goroutine/debug2.ts
var MAX_LINE_WARNINGS = 10;
function dumpLines(text) {
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  const unterminated = lines[lines.length - 1] !== "";
  if (!unterminated) lines.pop();
  return { lines: lines.map((l) => l.endsWith("\r") ? l.slice(0, -1) : l), unterminated };
}
var LineWarnings = class {
  constructor(label) {
    this.label = label;
  }
  label;
  shown = [];
  extra = 0;
  /** Records that line `n` (1-based) fits no rule of the format. */
  unrecognised(n, line) {
    if (this.shown.length >= MAX_LINE_WARNINGS) {
      this.extra++;
      return;
    }
    const shown2 = line.length > 100 ? `${line.slice(0, 100)}…` : line;
    this.shown.push(`${this.label}:${n}: unrecognised line ${JSON.stringify(shown2)}`);
  }
  /** The warnings, with one summary line for those not shown. */
  warnings() {
    if (this.extra === 0) return [...this.shown];
    const s = this.extra === 1 ? "" : "s";
    return [...this.shown, `${this.label}: ${this.extra} more unrecognised line${s}`];
  }
};
function cutOffWarning(label, whole) {
  return `${label}: the dump is cut off after ${whole} whole goroutines; the rest is ignored`;
}
var headerLine = /^goroutine (\d+)(?: [^[]*)? \[(.*)\]:$/;
var fileLine = /^\t(.+):(\d+)(?: \+0x[0-9a-f]+)?(?: .*)?$/;
var functionLine = /^([^\t].*)\(([^()]*)\)$/;
var createdByLine = /^created by (.+?)(?: in goroutine \d+)?$/;
var elidedLine = /^\.\.\.(?:\d+|additional) frames elided\.\.\.$/;
var unavailableLine = /^\tgoroutine running on other thread; stack unavailable/;
function parseState(bracket) {
  const [reason = "", ...extras] = bracket.split(", ");
  let waitMinutes;
  for (const extra of extras) {
    const m = /^(\d+) minutes?$/.exec(extra);
    if (m) waitMinutes = Number(m[1]);
  }
  return { state: reason.replace(/ \(scan\)$/, ""), waitMinutes };
}
var Groups = class {
  byKey = /* @__PURE__ */ new Map();
  total = 0;
  add(b) {
    const c = b.createdBy;
    const key = [b.state, stackKey(b.stack), c ? stackKey([c]) : ""].join("\n\n");
    this.total++;
    const g = this.byKey.get(key);
    if (g) {
      g.count++;
      if (b.waitMinutes !== void 0) g.waitMinutes = Math.max(g.waitMinutes ?? 0, b.waitMinutes);
      return;
    }
    const group = { count: 1, stack: b.stack, state: b.state };
    if (b.waitMinutes !== void 0) group.waitMinutes = b.waitMinutes;
    if (c) group.createdBy = c;
    this.byKey.set(key, group);
  }
};
function isWhole(b) {
  return b.pending === void 0 && (b.stack.length > 0 || b.unavailable);
}
function newBlock(bracket) {
  const { state, waitMinutes } = parseState(bracket);
  return {
    state,
    waitMinutes,
    stack: [],
    createdBy: void 0,
    pending: void 0,
    unavailable: false,
    closed: false
  };
}
function blockLine(b, line, n, warn) {
  const file = fileLine.exec(line);
  if (b.pending) {
    const p = b.pending;
    b.pending = void 0;
    if (file) {
      const frame = { fn: p.fn, file: file[1], line: Number(file[2]) };
      if (p.createdBy) {
        b.createdBy = frame;
        b.closed = true;
      } else b.stack.push(frame);
      return true;
    }
    warn.unrecognised(p.n, p.line);
  }
  if (b.closed) return false;
  if (unavailableLine.test(line)) {
    b.unavailable = true;
    return true;
  }
  if (elidedLine.test(line)) return true;
  const created = createdByLine.exec(line);
  if (created) {
    b.pending = { fn: created[1], createdBy: true, n, line };
    return true;
  }
  const fn = functionLine.exec(line);
  if (fn) {
    b.pending = { fn: fn[1], createdBy: false, n, line };
    return true;
  }
  return false;
}
function parseGoroutineDebug2(text, label) {
  const { lines, unterminated } = dumpLines(text);
  let cutOff = unterminated;
  if (unterminated) lines.pop();
  const warn = new LineWarnings(label);
  const groups = new Groups();
  let block;
  const finish2 = () => {
    if (block?.pending) warn.unrecognised(block.pending.n, block.pending.line);
    if (block) groups.add(block);
    block = void 0;
  };
  lines.forEach((line, i) => {
    const header = headerLine.exec(line);
    if (header) {
      finish2();
      block = newBlock(header[2]);
    } else if (line.trim() === "") {
      finish2();
    } else if (!block || !blockLine(block, line, i + 1, warn)) {
      warn.unrecognised(i + 1, line);
    }
  });
  if (block && isWhole(block)) groups.add(block);
  else if (block) cutOff = true;
  if (groups.total === 0) throw new FormatError("no goroutines in the dump");
  const warnings = warn.warnings();
  if (cutOff) warnings.unshift(cutOffWarning(label, groups.total));
  return { source: "debug2", total: groups.total, groups: [...groups.byKey.values()], warnings };
}

// src/parse/goroutine/debug1.ts
var headerLine2 = /^goroutine(?:leak)? profile: total (\d+)$/;
var countLine = /^(\d+) @(?: 0x[0-9a-f]+)*$/;
var labelsLine = /^# labels: (.*)$/;
var frameLine = /^#\t+(0x[0-9a-f]+)(?:\t+(.+?)(?:\+0x[0-9a-f]+)?\t+(.+):(\d+))?$/;
function parseGoroutineDebug1(text, label) {
  const { lines, unterminated } = dumpLines(text);
  const first = lines.findIndex((l) => l.trim() !== "");
  const total = first >= 0 ? headerLine2.exec(lines[first]) : null;
  if (!total) {
    throw new FormatError(
      'not a goroutine debug=1 dump: it does not start with "goroutine profile: total N"'
    );
  }
  const cutMidLine = unterminated;
  if (cutMidLine) lines.pop();
  const warn = new LineWarnings(label);
  const records = [];
  let record;
  for (let i = first + 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === "") {
      record = void 0;
      continue;
    }
    const count = countLine.exec(line);
    if (count) {
      record = { count: Number(count[1]), labels: void 0, stack: [] };
      records.push(record);
      continue;
    }
    const labels = record && record.stack.length === 0 ? labelsLine.exec(line) : null;
    if (record && labels) {
      record.labels = labels[1];
      continue;
    }
    const frame = record ? frameLine.exec(line) : null;
    if (record && frame) {
      const [, pc, fn, file, n] = frame;
      record.stack.push(
        fn === void 0 ? { fn: pc, file: "", line: 0 } : { fn, file, line: Number(n) }
      );
      continue;
    }
    warn.unrecognised(i + 1, line);
  }
  let cutOff = cutMidLine;
  if (cutMidLine && record) records.pop();
  else if (record && record.stack.length === 0) {
    records.pop();
    cutOff = true;
  }
  return snapshot(records, Number(total[1]), cutOff, label, warn);
}
function snapshot(records, header, cutOff, label, warn) {
  const byKey = /* @__PURE__ */ new Map();
  let sum = 0;
  for (const r of records) {
    sum += r.count;
    const key = `${r.labels ?? ""}

${stackKey(r.stack)}`;
    const g = byKey.get(key);
    if (g) g.count += r.count;
    else
      byKey.set(key, { count: r.count, stack: r.stack, ...r.labels ? { labels: r.labels } : {} });
  }
  const warnings = warn.warnings();
  if (cutOff) warnings.unshift(cutOffWarning(label, sum));
  else if (sum !== header)
    warnings.push(`${label}: the records count ${sum} goroutines but the header says ${header}`);
  return { source: "debug1", total: sum, groups: [...byKey.values()], warnings };
}

// src/model/profile.ts
function sampleStack(profile, i) {
  const { stackStart, stack } = profile.samples;
  const out = [];
  for (let j = stackStart[i]; j < stackStart[i + 1]; j++) out.push(profile.locations[stack[j]]);
  return out;
}
function sampleLabels(profile, i) {
  const t = profile.samples.labels;
  const out = [];
  for (let j = t.start[i]; j < t.start[i + 1]; j++) {
    out.push({
      key: t.strings[t.key[j]],
      str: t.strings[t.str[j]],
      num: t.num[j],
      numUnit: t.strings[t.numUnit[j]]
    });
  }
  return out;
}
function sampleValue(profile, i, valueIndex) {
  return profile.samples.values[i * profile.samples.width + valueIndex];
}

// src/parse/goroutine/from-profile.ts
function locationFrames(loc) {
  const address = `0x${loc.address.toString(16)}`;
  if (loc.lines.length === 0) return [{ fn: address, file: "", line: 0 }];
  return loc.lines.map((l) => ({
    fn: l.fn?.name || address,
    file: l.fn?.filename ?? "",
    line: l.line
  }));
}
function formatLabels(labels) {
  if (labels.length === 0) return void 0;
  const pairs = labels.map((l) => {
    const value = l.str !== "" ? JSON.stringify(l.str) : `${l.num}${l.numUnit}`;
    return `${JSON.stringify(l.key)}:${value}`;
  });
  return `{${pairs.sort().join(", ")}}`;
}
function goroutineSnapshotFromProfile(profile, _label) {
  const valueIndex = profile.sampleTypes.findIndex(
    (t) => t.type === "goroutine" || t.type === "goroutineleak"
  );
  if (valueIndex < 0) {
    const types = profile.sampleTypes.map((t) => `${t.type}/${t.unit}`).join(", ");
    throw new FormatError(`not a goroutine profile (sample types: ${types})`);
  }
  const byKey = /* @__PURE__ */ new Map();
  let total = 0;
  for (let i = 0; i < profile.samples.count; i++) {
    const count = sampleValue(profile, i, valueIndex);
    if (count <= 0) continue;
    const stack = sampleStack(profile, i).flatMap(locationFrames);
    const labels = formatLabels(sampleLabels(profile, i));
    const key = `${labels ?? ""}

${stackKey(stack)}`;
    total += count;
    const g = byKey.get(key);
    if (g) g.count += count;
    else byKey.set(key, { count, stack, ...labels !== void 0 ? { labels } : {} });
  }
  return { source: "proto", total, groups: [...byKey.values()], warnings: [] };
}

// src/parse/goroutine/index.ts
var textFormats = [
  {
    name: "debug1",
    firstLine: /^goroutine(?:leak)? profile: total \d+\r?$/,
    parse: parseGoroutineDebug1
  },
  {
    name: "debug2",
    firstLine: /^goroutine \d+ (?:[^[]* )?\[.*\]:\r?$/,
    parse: parseGoroutineDebug2
  }
];
var notADump = "not a goroutine dump (expected a goroutine profile .pb.gz, or debug=1 / debug=2 text)";
function sniffGoroutineText(text) {
  const first = text.replace(/^\uFEFF/, "").split("\n").find((l) => l.trim() !== "");
  if (first === void 0) return void 0;
  return textFormats.find((f) => f.firstLine.test(first))?.name;
}
function parseGoroutines(bytes2, label) {
  if (bytes2.length === 0) throw new FormatError(notADump);
  const raw = pprofBytes(bytes2);
  if (textPreview(raw) === void 0) return goroutineSnapshotFromProfile(parsePprof(raw), label);
  const text = new TextDecoder().decode(raw);
  const kind = sniffGoroutineText(text);
  const format = textFormats.find((f) => f.name === kind);
  if (!format) throw new FormatError(notADump);
  return format.parse(text, label);
}

// src/render/leak-text.ts
function leakCounts(w) {
  return w.severity === "leak" ? `+${w.head - (w.base ?? 0)} goroutines (${w.base ?? 0} → ${w.head})` : `${w.head} goroutines parked`;
}
var at = (f, x) => f.file === "" ? "" : ` at ${x.code(f.line > 0 ? `${f.file}:${f.line}` : f.file)}`;
function leakSites(w, x) {
  if (!w.entry) return "not yet started";
  const origin = w.createdBy ? `created by ${x.code(w.createdBy.fn)}${at(w.createdBy, x)}, ` : w.entry.fn !== w.blocking?.fn ? `running ${x.code(w.entry.fn)}, ` : "";
  const minutes = w.waitMinutes ? `, ${w.waitMinutes} minutes` : "";
  const state = w.state ? ` [${x.text(w.state)}${minutes}]` : "";
  const wait = w.blocking ? `waiting in ${x.code(w.blocking.fn)}${at(w.blocking, x)}${state}` : "";
  return `${origin}${wait}`;
}
function leakHeadline(w, x) {
  return `${leakCounts(w)}: ${leakSites(w, x)}`;
}
var plainWriters = { code: (s) => s, text: (s) => s };

// src/cli/commands/collect.ts
var defaultPprofProfiles = "profile?seconds=10,heap,allocs,goroutine,block,mutex";
var collectUsage = `Usage: perfgate collect <url> [options]

Takes profiles from a running Go service's net/http/pprof endpoints (e.g.
http://127.0.0.1:6060/debug/pprof) and writes them to --out.

Options:
  --profiles LIST   what to take (default: ${defaultPprofProfiles}), checked
                    against the service's pprof index before anything runs;
                    goroutine?debug=1 and goroutine?debug=2 give the text dumps
  --load COMMAND    a shell command that puts load on the service: a goroutine snapshot is taken
                    before it (as debug=2 when asked for), the cpu profile during it, the rest
                    after; goroutines that grew are reported as leaks, with advice. Each profile
                    is written as soon as it is taken, so a failing load keeps what came before
  --wait S          wait up to S seconds for the service to answer (default 30)
  --timeout S       per request, on top of a profile's own seconds (default 30)
  --max-size SIZE   the most an answer may be (default 1GiB, as a profile file); redirects are
                    followed only within the URL's origin
  --out DIR         where to write the profiles (default: perfgate-profiles)
`;
async function runCollect(argv, io) {
  const { values, positionals } = parseCommandArgs("collect", argv, {
    profiles: { type: "string" },
    load: { type: "string" },
    wait: { type: "string" },
    timeout: { type: "string" },
    out: { type: "string" },
    "max-size": { type: "string" }
  });
  if (positionals.length !== 1)
    throw new UserError(`perfgate collect: expected one URL

${collectUsage}`);
  const url = positionals[0];
  if (!/^https?:\/\//.test(url))
    throw new UserError(
      `perfgate collect: ${JSON.stringify(url)} is not an http:// or https:// URL`
    );
  const out = values.out ?? "perfgate-profiles";
  const settings = {
    baseUrl: url,
    profiles: (values.profiles ?? defaultPprofProfiles).split(",").map((p) => p.trim()).filter((p) => p !== ""),
    waitSeconds: values.wait === void 0 ? 30 : readInteger("--wait", values.wait, 0),
    timeoutSeconds: values.timeout === void 0 ? 30 : readInteger("--timeout", values.timeout, 1),
    ...values["max-size"] === void 0 ? {} : { maxBytes: readByteSize("--max-size", values["max-size"]) }
  };
  const log = (l) => io.stderr(`${l}
`);
  const command = values.load;
  const load3 = command ? async () => {
    const r = await processRunner.run("sh", ["-c", command], { cwd: ".", onLine: log });
    if (r.code !== 0) throw new UserError(`--load: the command exited with ${r.code}`);
  } : void 0;
  const kept = [];
  const keep = async (f) => {
    if (kept.length === 0) await mkdir2(out, { recursive: true });
    await writeFile2(path5.join(out, f.fileName), f.bytes);
    kept.push(f);
    io.stdout(`${path5.join(out, f.fileName)}  (${f.spec}, ${f.format})
`);
    for (const n of f.notes) io.stdout(`  note: ${n}
`);
  };
  try {
    await collectFromService(settings, log, load3, keep);
  } catch (err) {
    if (!(err instanceof UserError) || kept.length === 0) throw err;
    const names = kept.map((f) => f.fileName).join(", ");
    throw new UserError(`${err.message}; kept what was taken before it in ${out}: ${names}`);
  }
  reportLeaks(kept, io);
  return 0;
}
function reportLeaks(kept, io) {
  const before = kept.find((f) => f.fileName.startsWith("goroutine-before."));
  const after = before && kept.find((f) => f.fileName === before.fileName.replace("goroutine-before", "goroutine"));
  if (!before || !after) return;
  const leaks2 = findLeaks(
    parseGoroutines(after.bytes, after.fileName),
    parseGoroutines(before.bytes, before.fileName)
  );
  for (const w of leaks2) io.stdout(`leak: ${leakHeadline(w, plainWriters)}
  fix: ${w.advice}
`);
  if (leaks2.length === 0) io.stdout("no goroutine leak during the load\n");
}

// src/report/run-report.ts
function age(fromIso, toIso) {
  const ms = Date.parse(toIso) - Date.parse(fromIso);
  if (!Number.isFinite(ms) || ms < 0) return "unknown age";
  const minutes = Math.round(ms / 6e4);
  const plural4 = (n, w) => `${n} ${w}${n === 1 ? "" : "s"}`;
  if (minutes < 60) return plural4(minutes, "minute");
  const hours = Math.round(minutes / 60);
  if (hours < 48) return plural4(hours, "hour");
  return plural4(Math.round(hours / 24), "day");
}

// src/report/verdict-view.ts
function notableRow(f) {
  return f.regression || f.significant && f.sharePoints >= 1;
}
function verdictView(r) {
  const g = r.gate;
  const compared = g !== void 0 && g.verdict !== "no-comparison";
  const rows = [];
  for (const c of r.profiles?.changes ?? []) {
    for (const f of c.grown.filter(notableRow)) {
      rows.push({
        profile: c.profile,
        sampleType: c.sampleType,
        unit: c.unit,
        function: f.name,
        benchmark: f.benchmark ?? "",
        file: f.file,
        line: f.line,
        leaf: f.leaf ?? "",
        basis: f.basis,
        base: f.base,
        head: f.head,
        points: f.sharePoints,
        limit: c.limitPoints ?? null,
        regression: f.regression
      });
    }
  }
  rows.sort((x, y) => Number(y.regression) - Number(x.regression) || y.points - x.points);
  const leaks2 = r.profiles?.leaks ?? [];
  const leaking = leaks2.filter((l) => l.severity === "leak").length;
  return {
    verdict: r.verdict,
    reason: r.reason,
    benchmarksRegressed: compared ? g.benchmarks.regressed.length : null,
    benchmarksImproved: compared ? g.benchmarks.improved.length : null,
    // Units no test could judge: too few runs for the correction, or one run per side.
    unitsNotJudged: compared && (g.power.length > 0 || g.findings.some((f) => f.base && f.head && f.method === "none")),
    profileRegressions: r.profiles?.changes.length ? profileRegressionCount(r.profiles) : null,
    ...leaks2.length > 0 ? { goroutines: { leaks: leaking, parked: leaks2.length - leaking } } : {},
    profileRows: rows,
    ...r.verdict === "accepted" && r.acceptance ? { accepted: { label: r.acceptance.label, by: r.acceptance.by ?? null } } : {}
  };
}

// src/analyze/function-name.ts
function displayName(fn) {
  if (fn.name !== "" && fn.systemName !== fn.name) return fn.name;
  const name = fn.systemName;
  const demangled = demangleSimpleCpp(name);
  if (demangled !== void 0) return demangled;
  if (!looksLikeDemangledCpp(name)) return name;
  return removeMatching(removeMatching(name, "(", ")"), "<", ">");
}
function demangleSimpleCpp(name) {
  if (!name.startsWith("_Z")) return void 0;
  let pos = 2;
  const parts = [];
  const sourceName = () => {
    const m = /^[1-9]\d*/.exec(name.slice(pos));
    if (!m) return false;
    const len = Number(m[0]);
    pos += m[0].length;
    if (pos + len > name.length) return false;
    parts.push(name.slice(pos, pos + len));
    pos += len;
    return true;
  };
  if (name[pos] === "N") {
    pos++;
    while (name[pos] === "r" || name[pos] === "V" || name[pos] === "K") pos++;
    while (name[pos] !== "E") if (!sourceName()) return void 0;
    pos++;
  } else if (!sourceName()) {
    return void 0;
  }
  if (!/^[vbcahstijlmxyfdeDnz]*$/.test(name.slice(pos)) || parts.length === 0) return void 0;
  return parts.join("::");
}
function looksLikeDemangledCpp(name) {
  if (name.includes(".<")) return false;
  if (name.includes("]).")) return false;
  return /[<>[\]]/.test(name) || name.includes("::");
}
function removeMatching(name, open, close) {
  let out = name;
  let nesting = 0;
  let first = 0;
  for (let i = 0; i < out.length; i++) {
    const c = out[i];
    if (c === open) {
      nesting++;
      if (nesting === 1) first = i;
    } else if (c === close) {
      nesting--;
      if (nesting < 0) return out;
      if (nesting === 0) {
        out = out.slice(0, first) + out.slice(i + 1);
        i = first - 1;
      }
    }
  }
  return out;
}
var goVersionSuffix = /^(.*?)\/v(?:[2-9]|[1-9][0-9]+)([./].*)$/;
var goPackagePath = /^(?:[\w\-.]+\/)+([^.]+\..+)/;
function shortFunctionName(name) {
  const unversioned = name.replace(goVersionSuffix, "$1$2");
  return goPackagePath.exec(unversioned)?.[1] ?? unversioned;
}

// src/render/hotspots.ts
var bytes = (n) => formatBytes(n);
var time = (ns) => formatSeconds(ns / 1e9);
var percent = (f) => `${formatFixed(100 * f, 1)}%`;
function where(h) {
  if (!h.site.file) return "";
  return h.site.line > 0 ? `${h.site.file}:${h.site.line}` : h.site.file;
}
function benchmarkLabel(h) {
  return h.benchmark ? h.benchmark.slice(h.benchmark.lastIndexOf(".") + 1) : "";
}
function signed(n, fmt) {
  return `${n >= 0 ? "+" : "-"}${fmt(Math.abs(n))}`;
}
function amount(h, v, kind) {
  if (h.basis === "share") return percent(v);
  const text = kind === "bytes" ? bytes(v) : time(v);
  return h.basis === "per-op" ? `${text}/op` : text;
}
function change(h, base, head, kind) {
  const fmt = (n) => amount(h, n, kind);
  const rel = base > 0 ? `, ${formatPercent(100 * (head - base) / base)}` : "";
  return `${fmt(base)} → ${fmt(head)} (${signed(head - base, fmt)}${rel})`;
}
function allocatedText(h) {
  if (h.kind === "gc") return "";
  const of = h.basis === "share" ? " of the benchmark" : "";
  if (h.moved && h.function) {
    return `moved within the function: ${change(h, h.function.base.bytes, h.function.head.bytes, "bytes")}${of}`;
  }
  if (h.head.bytes === 0 && (h.base?.bytes ?? 0) === 0) return "";
  return h.base ? `${change(h, h.base.bytes, h.head.bytes, "bytes")}${of}` : `${amount(h, h.head.bytes, "bytes")}${of}`;
}
function cpuText(h) {
  if (h.kind === "gc") return "";
  const b = h.base;
  if (h.head.cpuNs === 0 && (b?.cpuNs ?? 0) === 0) return "";
  const fmt = (n) => amount(h, n, "cpu");
  return b ? `cpu ${fmt(b.cpuNs)} → ${fmt(h.head.cpuNs)}` : `cpu ${fmt(h.head.cpuNs)}`;
}
function amounts(h) {
  return [allocatedText(h), cpuText(h)].filter((x) => x !== "").join(", ");
}
function renderHotspotsText(hs) {
  if (hs.length === 0) return "No allocation hotspots.\n";
  return hs.map(
    (h) => `${h.isNew ? "NEW " : ""}${h.site.fn}  ${where(h)}${h.benchmark ? `  (${benchmarkLabel(h)})` : ""}
  ${h.kind}: ${amounts(h)}
  advice: ${h.advice}
  (${h.evidence})`
  ).join("\n\n") + "\n";
}
function renderHotspotsMarkdown(hs, max = 10) {
  if (hs.length === 0) return "No allocation hotspots.\n";
  const rows = hs.slice(0, max).map((h) => [
    `${h.isNew ? "🆕 " : ""}${codeCell(h.site.fn)}${h.site.file ? `<br><code>${pathText(h.site.file, h.site.line || void 0)}</code>` : ""}${h.benchmark ? `<br><sub>in ${codeCell(benchmarkLabel(h))}</sub>` : ""}`,
    h.kind,
    escapeMarkdown(amounts(h)),
    proseWithCode(h.advice)
    // perfgate's words, quoting names from the run in backticks
  ]);
  return `${table(["site", "kind", "allocated", "advice"], rows, ["l", "l", "l", "l"])}
`;
}

// src/render/sections.ts
function shortenable(priority, items, render) {
  return { priority, items, render };
}
function moreLine(left, what, where2) {
  return `… and ${left} more ${what}${where2 ? `, ${where2}` : ""}`;
}
var characters = (s) => s.length;
function joined(parts) {
  return parts.filter((p, i) => p !== "" || i === 0 || parts[i - 1] !== "").join("\n");
}
function fitBlocks(blocks, limit, measure = characters) {
  const text = (i, k) => {
    const b = blocks[i];
    return typeof b === "string" ? b : b.render(k);
  };
  const parts = blocks.map((b) => typeof b === "string" ? b : b.render(b.items));
  const whole = () => joined(parts);
  if (measure(whole()) <= limit) return whole();
  const order = blocks.map((b, i) => ({ b, i })).filter((x) => typeof x.b !== "string").sort((x, y) => y.b.priority - x.b.priority || y.i - x.i);
  for (const { b, i } of order) {
    const rest = measure(joined(parts.map((p, j) => j === i ? "\0" : p))) - 1;
    const fits = (k) => rest + measure(text(i, k)) <= limit;
    if (!fits(0)) {
      const short = text(i, 0);
      if (measure(short) < measure(parts[i])) parts[i] = short;
      continue;
    }
    let lo = 0;
    let hi = b.items;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fits(mid)) lo = mid;
      else hi = mid - 1;
    }
    parts[i] = text(i, lo);
    return whole();
  }
  for (const { i } of order) {
    parts[i] = "";
    if (measure(whole()) <= limit) return whole();
  }
  const all = whole();
  let end = Math.min(all.length, limit);
  while (end > 0 && measure(all.slice(0, end)) > limit) end = Math.floor(end * 0.9);
  return all.slice(0, Math.max(0, all.lastIndexOf("\n", end)));
}

// src/render/insights.ts
var points = (p) => `${p >= 0 ? "+" : ""}${formatFixed(p, 1)} pp`;
function notableRows(c) {
  return c.grown.filter(notableRow);
}
function notableChanges(changes) {
  return changes.filter((c) => notableRows(c).length > 0);
}
var shortBenchmark = (b) => b.slice(b.lastIndexOf(".") + 1);
function changeRows(c, fs) {
  return fs.map((f) => {
    const v = (x) => `${formatProfileValue(x, c.unit)}${f.basis === "per-op" ? "/op" : ""}`;
    const under = [
      f.file ? pathText(f.file, f.line || void 0) : "",
      f.benchmark ? `in ${codeCell(shortBenchmark(f.benchmark))}` : "",
      f.leaf ? `via ${codeCell(f.leaf)}` : ""
    ].filter((x) => x !== "");
    return [
      `${f.regression ? "❌ " : ""}${codeCell(f.name)}${under.length ? `<br><sub>${under.join(" · ")}</sub>` : ""}`,
      v(f.base),
      v(f.head),
      `${f.delta >= 0 ? "+" : ""}${v(f.delta)}`,
      points(f.sharePoints)
    ];
  });
}
function pointsOf(c) {
  const basis = c.grown[0]?.basis;
  if (basis === "per-op") return "points of the benchmark’s base value per op";
  if (basis === "benchmark") return "points of share within the benchmark";
  return "points of share of the profile";
}
function mermaidLabel(s, max = 40) {
  const short = s.length > max ? `…${s.slice(-(max - 1))}` : s;
  return short.replace(/[^A-Za-z0-9_.()*/ …-]/g, "_");
}
function chartUnit(unit, max) {
  const steps = unit === "bytes" ? [
    [2 ** 30, "GiB"],
    [2 ** 20, "MiB"],
    [2 ** 10, "KiB"],
    [1, "B"]
  ] : unit === "nanoseconds" ? [
    [1e9, "s"],
    [1e6, "ms"],
    [1e3, "µs"],
    [1, "ns"]
  ] : [[1, unit]];
  return steps.find(([f]) => max >= f) ?? steps[steps.length - 1];
}
function axisEnd(max) {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  return [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].map((m) => m * p).find((e) => e >= max) ?? 10 * p;
}
function gatingChanges(changes) {
  return changes.find((c) => c.grown.some((f) => f.regression));
}
var chartInit = JSON.stringify({
  xyChart: { yAxis: { showLabel: false, showTick: false } },
  themeVariables: { xyChart: { plotColorPalette: "#8c959f, #cf222e" } }
});
function changesChart(c) {
  const top = c.grown.slice(0, 5);
  if (top.length === 0) return "";
  const max = Math.max(...top.map((f) => Math.max(f.base, f.head)));
  const [factor, axisUnit] = chartUnit(c.unit, max);
  const unitName = top[0]?.basis === "per-op" ? `${axisUnit}/op` : axisUnit;
  const digits = max / factor < 10 ? 2 : max / factor < 100 ? 1 : 0;
  const num2 = (x) => formatFixed(x / factor, digits);
  const shown2 = (x) => factor === 1 ? x.toLocaleString("en-US") : num2(x);
  const labels = top.flatMap((f) => {
    const name = mermaidLabel(shortFunctionName(f.name));
    return [`"${name} · base ${shown2(f.base)}"`, `"${name} · head ${shown2(f.head)}"`];
  });
  const base = top.flatMap((f) => [num2(f.base), "0"]);
  const head = top.flatMap((f) => ["0", num2(f.head)]);
  return [
    "```mermaid",
    `%%{init: ${chartInit}}%%`,
    "xychart-beta horizontal",
    `  title "${mermaidLabel(c.sampleType)} in ${mermaidLabel(c.profile)}, ${mermaidLabel(unitName)}: base (grey), head (red)"`,
    `  x-axis [${labels.join(", ")}]`,
    `  y-axis "${mermaidLabel(unitName)}" 0 --> ${formatFixed(axisEnd(max / factor), digits)}`,
    `  bar "base" [${base.join(", ")}]`,
    `  bar "head" [${head.join(", ")}]`,
    "```"
  ].join("\n");
}
function leakItem(w) {
  const headline2 = leakHeadline(w, { code: codeCell, text: escapeMarkdown });
  const stack = w.stack.flatMap((f) => [
    fenceLine(f.fn, MAX_NAME),
    `    ${fenceLine(f.line > 0 ? `${plainPath(f.file)}:${f.line}` : plainPath(f.file))}`
  ]).map((l) => `  ${l}`).join("\n");
  return [
    `- ⚠️ ${headline2}`,
    "",
    `  Fix: ${escapeMarkdown(w.advice)}`,
    "",
    "  <details><summary>stack</summary>",
    "",
    "  ```",
    stack,
    "  ```",
    "",
    "  </details>"
  ].join("\n");
}
function newOrGrown(h) {
  return h.isNew || h.grown || h.moved || h.kind === "gc";
}
function leakBlock(leaks2, elsewhere2) {
  const title = leaks2.some((l) => l.severity === "leak") ? "**Goroutine leaks**" : "**Many goroutines parked at one site**";
  const what = (n) => n === 1 ? "leak" : "leaks";
  return shortenable(2, leaks2.length, (keep) => {
    const shown2 = leaks2.slice(0, keep).map(leakItem);
    const left = leaks2.length - shown2.length;
    const more = left === 0 ? [] : shown2.length === 0 ? [`${left} ${what(left)} found${elsewhere2 ? `, listed ${elsewhere2}` : ""}.`] : [moreLine(left, what(left), elsewhere2)];
    return [title, ...shown2, ...more].join("\n\n");
  });
}
function changesBlock(notable, elsewhere2) {
  const section = (c) => {
    const limit = c.limitPoints === void 0 ? "reported only" : `gate: +${c.limitPoints} pp`;
    return [
      `**${escapeMarkdown(c.sampleType, MAX_NAME)}** in ${codeCell(c.profile)} (${limit}; ${pointsOf(c)})`,
      "",
      table(["function", "base", "head", "delta", "pp"], changeRows(c, notableRows(c)), [
        "l",
        "r",
        "r",
        "r",
        "r"
      ])
    ].join("\n");
  };
  return shortenable(3, notable.length, (keep) => {
    const left = notable.length - keep;
    const more = left > 0 ? [moreLine(left, "profile tables", elsewhere2)] : [];
    return [...notable.slice(0, keep).map(section), ...more].join("\n\n");
  });
}
function insightBlocks(p, options) {
  const blocks = [];
  const add = (b) => blocks.push(...blocks.length > 0 ? [""] : [], b);
  if (p.leaks.length > 0) add(leakBlock(p.leaks, options.elsewhere));
  const notable = notableChanges(p.changes);
  if (notable.length > 0) add(changesBlock(notable, options.elsewhere));
  const gating = gatingChanges(p.changes);
  if (gating) {
    const chart = changesChart(gating);
    add(shortenable(5, 1, (keep) => keep > 0 ? chart : ""));
  }
  const hotspots2 = options.hotspotsNewOrGrownOnly ? p.hotspots.filter(newOrGrown) : p.hotspots;
  if (hotspots2.length > 0) {
    const shown2 = Math.min(hotspots2.length, 10);
    add(
      shortenable(4, shown2, (keep) => {
        if (keep === 0) return "";
        const left = hotspots2.length - keep;
        const more = left > 0 && keep < shown2 ? `

${moreLine(left, "hotspots", options.elsewhere)}` : "";
        return `**Allocation hotspots**

${renderHotspotsMarkdown(hotspots2, keep).trimEnd()}${more}`;
      })
    );
  }
  return blocks;
}

// src/render/comment.ts
var COMMENT_LIMIT = 65536;
var MAX_ROWS = 20;
function commentMarker(key) {
  return `<!-- perfgate:${key.replace(/--/g, "-").replace(/>/g, "")} -->`;
}
function icon(r) {
  return r.verdict === "fail" ? "❌" : r.verdict === "pass" || r.verdict === "accepted" ? "✅" : r.verdict === "no-comparison" || r.verdict === "incomplete" ? "⚠️" : "ℹ️";
}
var verdictWords = {
  pass: "pass",
  fail: "fail",
  "no-baseline": "no baseline",
  "no-comparison": "nothing compared",
  incomplete: "incomplete",
  accepted: "accepted"
};
function acceptedBy(r) {
  const a = r.acceptance;
  if (r.verdict !== "accepted" || !a) return "";
  return ` by label ${codeCell(a.label)}${a.by ? `, applied by ${escapeMarkdown(`@${a.by}`, MAX_NAME)}` : ""}`;
}
var plural3 = (n, w) => `${n} ${w}${n === 1 ? "" : "s"}`;
function headline(r) {
  const v = verdictView(r);
  const counts = [];
  if (v.benchmarksRegressed !== null && v.benchmarksImproved !== null) {
    counts.push(`${plural3(v.benchmarksRegressed, "benchmark")} regressed`);
    if (v.benchmarksImproved > 0) counts.push(`${v.benchmarksImproved} improved`);
    if (v.unitsNotJudged) counts.push("⚠️ some units not judged");
  }
  if (v.profileRegressions !== null) {
    counts.push(`${plural3(v.profileRegressions, "function")} grew in profiles`);
  }
  if (v.goroutines?.leaks) counts.push(plural3(v.goroutines.leaks, "goroutine leak"));
  else if (v.goroutines?.parked) {
    counts.push(`${plural3(v.goroutines.parked, "site")} of parked goroutines`);
  }
  const tail = counts.map((c) => ` · ${c}`).join("");
  return `### ${icon(r)} perfgate: ${verdictWords[r.verdict]}${acceptedBy(r)}${tail}`;
}
function commitText(commit) {
  const shown2 = /^[0-9a-f]{13,40}$/.test(commit) ? commit.slice(0, 12) : commit;
  return /^[0-9a-f]{7,40}$/.test(commit) ? `\`${shown2}\`` : codeCell(shown2);
}
function baselineLine(r) {
  const source = baseSource(r);
  const shown2 = r.baseline?.source !== "files" && !(r.savedBaseline && !r.baseline);
  return shown2 && /^[0-9a-f]{7,40}$/.test(r.headCommit) ? `${source} Head ${commitText(r.headCommit)}.` : source;
}
function baseSource(r) {
  const b = r.baseline;
  const saved = r.savedBaseline;
  if (!b && saved) {
    const on = saved.branch ? ` on ${codeCell(saved.branch)}` : "";
    return `Baseline saved for ${commitText(saved.commit)}${on}: pull requests are compared with it.`;
  }
  if (!b) return "No baseline was found for this comparison.";
  const where2 = b.branch ? ` on ${codeCell(b.branch)}` : "";
  const ago = b.createdAt ? ` ${age(b.createdAt, r.generatedAt)} ago` : "";
  switch (b.source) {
    case "rerun":
      return `Base ${commitText(b.commit)}${where2}, rerun in this job, interleaved with head.`;
    case "artifact":
      return `Base ${commitText(b.commit)}${where2}: stored baseline, measured${ago || " at an unknown time"}${b.runUrl ? ` by [this run](${b.runUrl})` : ""}.`;
    case "files":
      if (/^[0-9a-f]{7,40}$/.test(r.headCommit))
        return `Base from local files: ${codeCell(b.commit)}. Head ${commitText(r.headCommit)}.`;
      return r.headCommit ? `Base and head from local files: ${codeCell(b.commit)} → ${codeCell(r.headCommit)}.` : `Base from local files: ${codeCell(b.commit)}.`;
    case "path":
      return b.commit === "unknown" ? "Base from the benchmark output file given as `baseline:` (no commit recorded)." : `Base ${commitText(b.commit)}${where2}: baseline folder given as \`baseline:\`${ago ? `, measured${ago}` : ""}.`;
  }
}
function placeText(p, branch) {
  const past = `the last ${p.commits === 1 ? "commit" : `${p.commits} commits`} of ${branch}`;
  const slower = p.unit === "sec/op";
  const where2 = p.place === "worse" ? `${slower ? "slower" : "worse"} than each of ${past}` : p.place === "better" ? `${slower ? "faster" : "better"} than each of ${past}` : `within the range of ${past}`;
  const unit = escapeMarkdown(p.unit, MAX_NAME);
  const [head, min, max] = [p.head, p.min, p.max].map((v) => formatQuantity(v, p.unit));
  const range = min === max ? `all ${min}` : `${min} to ${max}`;
  const cpus = p.cpus > 1 ? `; measured on ${p.cpus} CPU models` : "";
  return `- ${codeCell(p.name)} ${unit}: head ${head} is ${where2} (${range}${cpus})`;
}
function historyLines(r) {
  const h = r.history;
  if (!h || h.positions.length === 0) return "";
  const branch = codeCell(h.branch || "the base branch");
  return [
    `**Against ${branch}'s past baselines** (${h.commits} ${h.commits === 1 ? "commit" : "commits"} kept):`,
    "",
    ...h.positions.map((p) => placeText(p, branch))
  ].join("\n");
}
function evidence2(f) {
  if (f.method === "exact") return "exact";
  return f.p === void 0 ? "" : formatPValue(f.p);
}
function topFindings(fs, max, grouped) {
  const shown2 = bySeverity(fs).slice(0, max);
  const more = fs.length > max ? `

…and ${fs.length - max} more in the job summary.` : "";
  return `${findingTable(shown2, evidence2, grouped)}${more}`;
}
function details(summary, body) {
  return `<details><summary>${summary}</summary>

${body}

</details>`;
}
function elsewhere(r) {
  if (r.links.summary) return `in the [job summary](${r.links.summary})`;
  if (r.links.html) return `in the [HTML report](${r.links.html})`;
  return "";
}
function droppable(text) {
  return shortenable(5, 1, (keep) => keep > 0 ? text : "");
}
function foldBlock(summary, body) {
  return droppable(details(summary, body));
}
function notesBlock(notes, where2) {
  return shortenable(6, notes.length, (keep) => {
    if (keep === 0) return "";
    const items = notes.slice(0, keep).map((n) => `- ${escapeMarkdown(n)}`);
    const left = notes.length - keep;
    if (left > 0) items.push(`- ${moreLine(left, "notes", where2)}`);
    return details(`Notes (${notes.length})`, items.join("\n"));
  });
}
function sentence(reason) {
  return reason.replace(/^[a-z]/, (c) => c.toUpperCase());
}
function commentBlocks(r, maxRows) {
  const parts = [
    commentMarker(r.key),
    headline(r),
    "",
    `${escapeMarkdown(sentence(r.reason))}. ${baselineLine(r)}`
  ];
  if (r.failures.length > 0) {
    parts.push(
      "",
      "**The benchmark run failed:**",
      "",
      shortenable(1, r.failures.length, (keep) => {
        const left = r.failures.length - keep;
        const lines = r.failures.slice(0, keep).flatMap((f) => f.split(/\r\n?|\n/)).map((l) => fenceLine(l));
        const more = left > 0 ? `

${moreLine(left, "lines", elsewhere(r))}` : "";
        return ["```", ...lines, "```"].join("\n") + more;
      })
    );
  }
  const missing = r.shards?.incomplete ?? [];
  if (missing.length > 0) {
    const lines = missing.map((m) => `- shard ${codeCell(m.shard)}: ${escapeMarkdown(m.why)}`);
    parts.push(
      "",
      "**Shards missing or failed** (their benchmarks were not judged):",
      "",
      ...lines
    );
  }
  const g = r.gate;
  if (g) {
    const notes2 = [...verdictNotes(g), ...g.notes];
    const removed = g.benchmarks.removed.length;
    if (removed > 0 && g.verdict !== "no-comparison") {
      notes2.push(
        `${plural3(removed, "benchmark")} of base ${removed === 1 ? "is" : "are"} not in head (removed or renamed), so not compared`
      );
    }
    if (notes2.length > 0) parts.push("", notes2.map((n) => `- ⚠️ ${escapeMarkdown(n)}`).join("\n"));
    const grouped = manyPackages(g);
    if (g.regressions.length > 0) {
      const shown2 = Math.min(g.regressions.length, maxRows);
      parts.push(
        "",
        shortenable(1, shown2, (keep) => topFindings(g.regressions, Math.max(keep, 1), grouped)),
        "",
        foldBlock(
          "Statistics: median ± 95% confidence interval, p-value, runs (as benchstat prints them)",
          spreadTable(bySeverity(g.regressions).slice(0, maxRows), grouped)
        )
      );
      const past = historyLines(r);
      if (past) parts.push("", droppable(past));
    }
    if (g.improvements.length > 0) {
      parts.push(
        "",
        foldBlock(
          `Improvements (${g.improvements.length})`,
          topFindings(g.improvements, maxRows, grouped)
        )
      );
    }
    const ungated = g.findings.filter(
      (f) => !f.gated && (f.verdict === "regression" || f.verdict === "improvement")
    );
    if (ungated.length > 0) {
      parts.push(
        "",
        foldBlock(
          `Timings, not gated (${ungated.length} changes)`,
          `The baseline was measured in another run, on another machine: timings drift there by tens of percent on identical code, so they are shown but do not fail the gate. Use \`baseline: rerun\` to gate them.

${topFindings(ungated, maxRows, grouped)}`
        )
      );
    }
    for (const block of sideOnlyMarkdown(g)) parts.push("", droppable(block));
  } else if (r.headOnly) {
    parts.push(
      "",
      `Measured ${plural3(r.headOnly.benchmarks, "benchmark result")} and ${plural3(r.headOnly.profiles, "profile")} in head.`
    );
  }
  if (r.profiles) {
    const insights = insightBlocks(r.profiles, {
      hotspotsNewOrGrownOnly: r.baseline !== void 0,
      elsewhere: elsewhere(r)
    });
    if (insights.length > 0) parts.push("", "#### Profiles", "", ...insights);
  }
  const notes = [...r.warnings, ...r.profiles?.notes ?? []];
  if (notes.length > 0) parts.push("", notesBlock(notes, elsewhere(r)));
  const links = [
    r.links.html && `[HTML report with flame graphs](${r.links.html})`,
    r.links.run && `[Run](${r.links.run})`,
    r.links.summary && `[job summary](${r.links.summary})`
  ].filter(Boolean).join(" · ");
  parts.push("", links ? `<sub>${links}</sub>` : "");
  return parts;
}
function renderComment(r, maxRows = MAX_ROWS) {
  return fitBlocks(commentBlocks(r, maxRows), COMMENT_LIMIT).trimEnd();
}

// src/analyze/profile-view.ts
function packageOf2(fn) {
  const slash = fn.lastIndexOf("/");
  const dot = fn.indexOf(".", slash + 1);
  return dot < 0 ? fn : fn.slice(0, dot);
}
function isThirdPartyFile(file) {
  return /(^|\/)pkg\/mod\/|@v\d[^/]*\/|(^|\/)vendor\//.test(file.replace(/\\/g, "/"));
}
function isUserFunction(fn) {
  const pkg = packageOf2(fn);
  if (pkg === "main") return true;
  const first = pkg.split("/")[0] ?? "";
  return first.includes(".");
}
function benchmarkFunction(fn) {
  const pkg = packageOf2(fn);
  if (pkg === "testing" || pkg === fn) return void 0;
  const rest = fn.slice(pkg.length + 1);
  const first = rest.split(".")[0] ?? "";
  if (!/^Benchmark($|[^a-z])/.test(first)) return void 0;
  return `${pkg}.${first}`;
}
function isHarnessFunction(fn) {
  const pkg = packageOf2(fn);
  return pkg === "testing" || pkg === "runtime/pprof" || benchmarkFunction(fn) !== void 0;
}
var USER = 1;
var HARNESS = 2;
var TESTING = 4;
var TESTING_B = 8;
var THIRD_PARTY = 16;
var views = /* @__PURE__ */ new WeakMap();
function profileView(p) {
  let v = views.get(p.locations);
  if (!v) views.set(p.locations, v = buildView(p.locations));
  return v;
}
function buildView(locs) {
  const ids = /* @__PURE__ */ new Map();
  const names = [];
  const byFn = /* @__PURE__ */ new Map();
  const files2 = [];
  const lineStart = new Uint32Array(locs.length + 1);
  let total = 0;
  for (let l = 0; l < locs.length; l++) {
    lineStart[l] = total;
    total += locs[l].lines.length;
  }
  lineStart[locs.length] = total;
  const lineName = new Int32Array(total);
  const lineNo = new Float64Array(total);
  const lineFn = new Array(total);
  const intern = (name) => {
    let id = ids.get(name);
    if (id === void 0) {
      id = names.length;
      ids.set(name, id);
      names.push(name);
    }
    return id;
  };
  let k = 0;
  for (const loc of locs) {
    for (const ln of loc.lines) {
      const fn = ln.fn;
      let id = fn ? byFn.get(fn) : void 0;
      if (id === void 0) {
        id = intern(fn ? displayName(fn) : "");
        files2[id] ??= fn?.filename ?? "";
        if (fn) byFn.set(fn, id);
      }
      lineName[k] = id;
      lineNo[k] = ln.line;
      lineFn[k] = fn;
      k++;
    }
  }
  const packages = [];
  const pkgIds = /* @__PURE__ */ new Map();
  const benchmarks = [];
  const benchIds = /* @__PURE__ */ new Map();
  const pkg = new Int32Array(names.length);
  const flags = new Uint8Array(names.length);
  const bench = new Int32Array(names.length).fill(-1);
  names.forEach((name, id) => {
    const p = packageOf2(name);
    let pi = pkgIds.get(p);
    if (pi === void 0) {
      pi = packages.length;
      pkgIds.set(p, pi);
      packages.push(p);
    }
    pkg[id] = pi;
    const b = benchmarkFunction(name);
    if (b !== void 0) {
      let bi = benchIds.get(b);
      if (bi === void 0) {
        bi = benchmarks.length;
        benchIds.set(b, bi);
        benchmarks.push(b);
      }
      bench[id] = bi;
    }
    const thirdParty = isThirdPartyFile(files2[id] ?? "");
    flags[id] = (isUserFunction(name) && !thirdParty ? USER : 0) | (thirdParty ? THIRD_PARTY : 0) | (isHarnessFunction(name) ? HARNESS : 0) | (p === "testing" || p === "runtime/pprof" ? TESTING : 0) | (name.startsWith("testing.(*B).") ? TESTING_B : 0);
  });
  return { names, pkg, packages, flags, bench, benchmarks, lineStart, lineName, lineNo, lineFn };
}
var perName = /* @__PURE__ */ new WeakMap();
function classifyNames(view, classify2) {
  let m = perName.get(view);
  if (!m) perName.set(view, m = /* @__PURE__ */ new Map());
  let out = m.get(classify2);
  if (!out) m.set(classify2, out = view.names.map(classify2));
  return out;
}
function leafLine(p, view, i) {
  const { stackStart, stack } = p.samples;
  const { lineStart } = view;
  for (let j = stackStart[i]; j < stackStart[i + 1]; j++) {
    const loc = stack[j];
    if (lineStart[loc + 1] > lineStart[loc]) return lineStart[loc];
  }
  return -1;
}
var splits = /* @__PURE__ */ new WeakMap();
function benchmarkSplit(p) {
  let s = splits.get(p.samples.stackStart);
  if (s === void 0) splits.set(p.samples.stackStart, s = splitByBenchmark(p) ?? null);
  return s ?? void 0;
}
function splitByBenchmark(p) {
  const view = profileView(p);
  const { lineStart, lineName, bench, flags } = view;
  const nLoc = lineStart.length - 1;
  const locBench = new Int32Array(nLoc).fill(-1);
  const locTestingB = new Uint8Array(nLoc);
  for (let l = 0; l < nLoc; l++) {
    for (let k = lineStart[l + 1] - 1; k >= lineStart[l]; k--) {
      const b = bench[lineName[k]];
      if (b >= 0 && locBench[l] === -1) locBench[l] = b;
      if (flags[lineName[k]] & TESTING_B) locTestingB[l] = 1;
    }
  }
  const names = [];
  const local = new Int32Array(view.benchmarks.length).fill(-1);
  const of = new Int32Array(p.samples.count).fill(-1);
  let underTesting = p.mappings.some((m) => /\.test(\.exe)?$/.test(m.filename));
  const { stackStart, stack, count } = p.samples;
  if (view.benchmarks.length === 0) {
    if (!underTesting && locTestingB.includes(1)) {
      for (let j = 0; j < stackStart[count] && !underTesting; j++) {
        if (locTestingB[stack[j]]) underTesting = true;
      }
    }
    return underTesting ? { names, of } : void 0;
  }
  for (let i = 0; i < count; i++) {
    const first = stackStart[i];
    const last = stackStart[i + 1];
    if (!underTesting) {
      for (let j = first; j < last; j++) if (locTestingB[stack[j]]) underTesting = true;
    }
    for (let j = last - 1; j >= first; j--) {
      const b = locBench[stack[j]];
      if (b < 0) continue;
      if (local[b] === -1) {
        local[b] = names.length;
        names.push(view.benchmarks[b]);
      }
      of[i] = local[b];
      break;
    }
  }
  return underTesting ? { names, of } : void 0;
}
var userLineMemo = /* @__PURE__ */ new WeakMap();
function userLines(p, split2, benchmarks) {
  let memo = userLineMemo.get(p.samples.stackStart);
  if (!memo) userLineMemo.set(p.samples.stackStart, memo = /* @__PURE__ */ new Map());
  const key = `${split2 ? 1 : 0}${benchmarks ? 1 : 0}`;
  let out = memo.get(key);
  if (!out) memo.set(key, out = computeUserLines(p, split2, benchmarks));
  return out;
}
function computeUserLines(p, split2, benchmarks) {
  const view = profileView(p);
  const { lineStart, lineName, flags, pkg, names } = view;
  const nLoc = lineStart.length - 1;
  const harness = benchmarks ? TESTING : HARNESS;
  const firstUserLines = (benchPkg) => {
    const table2 = new Int32Array(nLoc).fill(-1);
    for (let l = 0; l < nLoc; l++) {
      for (let k = lineStart[l]; k < lineStart[l + 1]; k++) {
        const n = lineName[k];
        const f = flags[n];
        if (names[n] === "" || f & harness) continue;
        if (f & USER || benchPkg >= 0 && pkg[n] === benchPkg) {
          table2[l] = k;
          break;
        }
      }
    }
    return table2;
  };
  const pkgIds = new Map(view.packages.map((name, i) => [name, i]));
  const benchPkgs = (split2?.names ?? []).map((b) => pkgIds.get(packageOf2(b)) ?? -1);
  const tables = /* @__PURE__ */ new Map();
  for (const bp of [-1, ...benchPkgs]) {
    if (tables.has(bp)) continue;
    const table2 = firstUserLines(bp);
    tables.set(bp, { table: table2, any: table2.some((r) => r >= 0) });
  }
  const outside = tables.get(-1);
  const inBench = benchPkgs.map((bp) => tables.get(bp));
  const { stackStart, stack, count } = p.samples;
  const out = new Int32Array(count).fill(-1);
  for (let i = 0; i < count; i++) {
    const b = split2 ? split2.of[i] : -1;
    const { table: table2, any } = b >= 0 ? inBench[b] : outside;
    if (!any) continue;
    const last = stackStart[i + 1];
    for (let j = stackStart[i]; j < last; j++) {
      const r = table2[stack[j]];
      if (r >= 0) {
        out[i] = r;
        break;
      }
    }
  }
  return out;
}

// src/analyze/bench-profile.ts
function benchmarkTotals(file) {
  const out = /* @__PURE__ */ new Map();
  const lines = /* @__PURE__ */ new Map();
  const unitLines = /* @__PURE__ */ new Map();
  for (const r of file?.results ?? []) {
    const top = (r.name.split("/")[0] ?? "").replace(/-\d+$/, "");
    const pkg = r.config.pkg;
    const key = pkg ? `${pkg}.Benchmark${top}` : `Benchmark${top}`;
    let t = out.get(key);
    if (!t) out.set(key, t = { ops: 0, sums: /* @__PURE__ */ new Map() });
    t.ops += r.iterations;
    lines.set(key, (lines.get(key) ?? 0) + 1);
    const seen = unitLines.get(key) ?? /* @__PURE__ */ new Map();
    unitLines.set(key, seen);
    for (const v of r.values) {
      t.sums.set(v.unit, (t.sums.get(v.unit) ?? 0) + v.value * r.iterations);
      seen.set(v.unit, (seen.get(v.unit) ?? 0) + 1);
    }
  }
  for (const [key, t] of out) {
    for (const unit of [...t.sums.keys()])
      if (unitLines.get(key)?.get(unit) !== lines.get(key)) t.sums.delete(unit);
  }
  return out;
}
function totalsOf(totals, bench) {
  return totals.get(bench) ?? totals.get(bench.slice(packageOf2(bench).length + 1));
}
var perOpUnits = {
  alloc_space: { unit: "B/op", factor: 1 },
  alloc_objects: { unit: "allocs/op", factor: 1 },
  cpu: { unit: "sec/op", factor: 1e9 }
};
function sampleEvents(p, type) {
  let memo = eventsMemo.get(p.samples.values);
  if (!memo) eventsMemo.set(p.samples.values, memo = /* @__PURE__ */ new Map());
  const key = sameEvents[type] ?? type;
  if (!memo.has(key)) memo.set(key, computeEvents(p, type));
  return memo.get(key);
}
var sameEvents = {
  alloc_objects: "alloc_space",
  inuse_objects: "inuse_space",
  contentions: "delay"
};
var eventsMemo = /* @__PURE__ */ new WeakMap();
function computeEvents(p, type) {
  const idx = (t) => p.sampleTypes.findIndex((s) => s.type === t);
  const { values, width, count } = p.samples;
  const out = new Float64Array(count);
  const heap = (objectsType, spaceType) => {
    const oi = idx(objectsType);
    const si = idx(spaceType);
    if (oi < 0 || si < 0 || !(p.period > 0)) return false;
    for (let i = 0; i < count; i++) {
      const objects = values[i * width + oi];
      const space = values[i * width + si];
      if (objects <= 0) continue;
      out[i] = objects * -Math.expm1(-space / objects / p.period);
    }
    return true;
  };
  const direct = (t, per = 1) => {
    const k = idx(t);
    if (k < 0) return false;
    for (let i = 0; i < count; i++) out[i] = values[i * width + k] / per;
    return true;
  };
  switch (type) {
    case "alloc_space":
    case "alloc_objects":
      return heap("alloc_objects", "alloc_space") ? out : void 0;
    case "inuse_space":
    case "inuse_objects":
      return heap("inuse_objects", "inuse_space") ? out : void 0;
    case "cpu":
      return direct("samples") || p.period > 0 && direct("cpu", p.period) ? out : void 0;
    case "delay":
    case "contentions":
      return direct("contentions") ? out : void 0;
    default:
      return void 0;
  }
}

// src/analyze/stats/count-test.ts
var smallLogFactorials = [0];
for (let n = 1; n <= 256; n++) smallLogFactorials.push(smallLogFactorials[n - 1] + Math.log(n));
function logFactorial(n) {
  if (n <= 256) return smallLogFactorials[n];
  const r = 1 / n;
  const r2 = r * r;
  return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 / 1680)));
}
function binomialUpperTail(k, n, p) {
  k = Math.round(k);
  n = Math.round(n);
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const logPmf = (j) => logFactorial(n) - logFactorial(j) - logFactorial(n - j) + j * Math.log(p) + (n - j) * Math.log1p(-p);
  const ratio = p / (1 - p);
  if (k > n * p) {
    let term2 = Math.exp(logPmf(k));
    let sum2 = term2;
    for (let j = k; j < n && term2 >= sum2 * 1e-17; j++) {
      term2 *= (n - j) / (j + 1) * ratio;
      sum2 += term2;
    }
    return Math.min(1, sum2);
  }
  let term = Math.exp(logPmf(k - 1));
  let sum = term;
  for (let j = k - 1; j > 0 && term >= sum * 1e-17; j--) {
    term *= j / (n - j + 1) / ratio;
    sum += term;
  }
  return Math.max(0, 1 - sum);
}
function rateGrowthP(n1, e1, n2, e2) {
  if (!(e1 > 0) || !(e2 > 0)) return 1;
  return binomialUpperTail(n2, n1 + n2, e2 / (e1 + e2));
}

// src/analyze/hotspots.ts
var advice = {
  "slice-growth": "pre-size the slice: `make([]T, 0, n)` when the final length is known or can be estimated",
  "string-concat": "build the string with a `strings.Builder` (call `Grow` first) instead of `+=` in a loop",
  "map-growth": "give the map a size hint: `make(map[K]V, n)`",
  "builder-growth": "call `Grow` on the builder with the expected size before writing",
  "buffer-growth": "size the buffer up front (`bytes.NewBuffer(make([]byte, 0, n))` or `Grow`) or reuse it",
  conversion: "avoid `[]byte(s)` / `string(b)` copies in hot paths: keep one form, or convert once",
  json: "reuse a `json.Encoder` on a reused buffer, encode structs rather than `map[string]any`, or use a faster encoder",
  "json-decode": "decode into a reused struct rather than `map[string]any`, with one `json.Decoder` over the stream instead of `json.Unmarshal` per value",
  fmt: "use `strconv` or `append`-style formatting instead of `fmt.Sprintf` on hot paths",
  make: "reuse the buffer (a field or a `sync.Pool`) instead of making a new one per call",
  "interface-boxing": "avoid converting values to interfaces (`any`) on hot paths: each conversion may allocate",
  copy: "the time goes to copying memory: check for repeated growth or large value copies",
  gc: "garbage collection work: allocate less (the sites below) or raise GOGC",
  allocation: "allocate less here: reuse objects, or allocate once outside the loop"
};
var runtimeKinds = [
  [/^runtime\.growslice/, "slice-growth"],
  [/^runtime\.makeslice/, "make"],
  [/^runtime\.(concatstring|concatbyte)/, "string-concat"],
  // Map growth only (what a size hint avoids): Go 1.24+ swiss tables and the older buckets.
  // Inserts (`runtime.mapassign*`) and lookups (`runtime.mapaccess*`, `(*Map).Get*`) are neither
  // growth nor allocation by themselves; under an insert, the growth routines below name it.
  [
    /^(runtime\.(hashGrow|growWork|evacuate)|internal\/runtime\/maps\.(\(\*table\)\.(grow|rehash|split|reset)|\(\*Map\)\.(growToSmall|growToTable|installTableSplit)|newTable|newarray|newGroups))/,
    "map-growth"
  ],
  [
    /^runtime\.(slicebytetostring|stringtoslicebyte|rawstring|rawbyteslice|slicerunetostring|stringtoslicerune)/,
    "conversion"
  ],
  [/^runtime\.convT/, "interface-boxing"],
  [/^runtime\.(newobject|mallocgc|makemap|newarray|malg)/, "allocation"],
  [/^runtime\.(memmove|memclrNoHeapPointers|typedmemmove)/, "copy"],
  [/^runtime\.(gcBgMarkWorker|gcDrain|scanobject|gcAssistAlloc|markroot|bgsweep|sweepone)/, "gc"]
];
var helperKinds = [
  [/^bytes\.growSlice$|^bytes\.\(\*Buffer\)\.(grow|Grow)$/, "buffer-growth"],
  [/^strings\.\(\*Builder\)\.(grow|Grow)$|^internal\/bytealg\.MakeNoZero$/, "builder-growth"],
  [
    /^encoding\/json\.(Unmarshal|\(\*Decoder\)|\(\*decodeState\)|\(\*scanner\)|unquote)/,
    "json-decode"
  ],
  [/^encoding\/json\./, "json"],
  [/^fmt\./, "fmt"]
];
function kindFrom(table2, fn) {
  return table2.find(([re]) => re.test(fn))?.[1];
}
function kindFromSource(text) {
  const code = text.replace(/\/\/.*$/, "");
  if (/\bappend\(/.test(code)) return "slice-growth";
  if (/\+=/.test(code) && /"|\bstring\(|fmt\.|strconv\./.test(code)) return "string-concat";
  if (/\bmake\(\s*map\[[^\]]*\][^,()]*\)/.test(code)) return "map-growth";
  if (/\bmake\(\s*\[\][^,]*,\s*0\s*\)/.test(code)) return "slice-growth";
  if (/\bjson\.(Unmarshal|NewDecoder)|\.Decode\(/.test(code)) return "json-decode";
  if (/\bjson\.(Marshal|NewEncoder)|\.Encode\(/.test(code)) return "json";
  if (/\bfmt\.Sprint/.test(code)) return "fmt";
  if (/\[\]byte\(|\bstring\(/.test(code)) return "conversion";
  if (/\w\[[^\]]+\]\s*=[^=]/.test(code)) return "map-growth";
  if (/\bmake\(/.test(code)) return "make";
  return void 0;
}
var siteKey = (bench, s) => `${bench}\0${s.fn}\0${s.file}\0${s.line}`;
var fnKey = (bench, fn) => `${bench}\0${fn}`;
function siteOf(view, k) {
  const fn = view.lineFn[k];
  return {
    site: { fn: view.names[view.lineName[k]], file: fn?.filename ?? "", line: view.lineNo[k] },
    startLine: fn?.startLine ?? 0
  };
}
var SiteAdder = class {
  constructor(run, view, split2) {
    this.run = run;
    this.view = view;
    this.split = split2;
  }
  run;
  view;
  split;
  byLine = /* @__PURE__ */ new Map();
  add(i, k, delta, kind, evidence4) {
    const b = this.split ? this.split.of[i] : -1;
    const id = (b + 1) * this.view.lineName.length + k;
    let a = this.byLine.get(id);
    if (!a) {
      const bench = benchOf(this.split, i);
      const { site, startLine } = siteOf(this.view, k);
      const key = siteKey(bench, site);
      a = this.run.sites.get(key);
      if (!a) {
        a = {
          benchmark: bench,
          site,
          startLine,
          amounts: { bytes: 0, objects: 0, cpuNs: 0 },
          events: 0,
          kinds: /* @__PURE__ */ new Map()
        };
        this.run.sites.set(key, a);
      }
      this.byLine.set(id, a);
    }
    a.amounts.bytes += delta.bytes ?? 0;
    a.amounts.objects += delta.objects ?? 0;
    a.amounts.cpuNs += delta.cpuNs ?? 0;
    a.events += delta.events ?? 0;
    if (kind && !a.kinds.has(evidence4)) a.kinds.set(evidence4, kind);
  }
};
function sampleIndex(p, type) {
  return p.sampleTypes.findIndex((t) => t.type === type);
}
function split(p) {
  return p ? benchmarkSplit(p) : void 0;
}
function benchOf(sp, i) {
  const b = sp ? sp.of[i] : -1;
  return b >= 0 ? sp.names[b] : "";
}
var helperKind = (fn) => kindFrom(helperKinds, fn);
var isRuntimeName = (fn) => /^(runtime|internal\/runtime\/[\w/]+)\./.test(fn);
var DEPENDENCY = "allocated in a dependency: ";
var runtimeKind = (fn) => kindFrom(runtimeKinds, fn);
var isTestFile = (f, k) => (f.lineFn[k]?.filename ?? "").endsWith("_test.go");
function collectSites(inputs, includeTests) {
  const run = {
    sites: /* @__PURE__ */ new Map(),
    scale: /* @__PURE__ */ new Map(),
    basis: "total",
    gcShare: 0,
    exposure: /* @__PURE__ */ new Map()
  };
  const events = /* @__PURE__ */ new Map();
  const raw = /* @__PURE__ */ new Map();
  let lastBench;
  let lastRaw;
  const addRaw = (bench, d) => {
    let r = bench === lastBench ? lastRaw : raw.get(bench);
    if (!r) raw.set(bench, r = { bytes: 0, objects: 0, cpuNs: 0 });
    lastBench = bench;
    lastRaw = r;
    r.bytes += d.bytes ?? 0;
    r.objects += d.objects ?? 0;
    r.cpuNs += d.cpuNs ?? 0;
  };
  let lastEventsBench;
  let lastEvents;
  const addEvents = (bench, e) => {
    let x = bench === lastEventsBench ? lastEvents : events.get(bench);
    if (!x) events.set(bench, x = { sum: 0 });
    lastEventsBench = bench;
    lastEvents = x;
    x.sum += e;
  };
  const a = inputs.allocs;
  const as = split(a);
  if (a) {
    const bi = sampleIndex(a, "alloc_space");
    const oi = sampleIndex(a, "alloc_objects");
    const { values, width, count, stackStart, stack } = a.samples;
    const ev = sampleEvents(a, "alloc_space");
    const view = profileView(a);
    const { lineStart, lineName } = view;
    const users = userLines(a, as, includeTests);
    const helpers = classifyNames(view, helperKind);
    const sites2 = new SiteAdder(run, view, as);
    for (let i = 0; i < count; i++) {
      const bytes2 = bi >= 0 ? values[i * width + bi] : 0;
      const objects = oi >= 0 ? values[i * width + oi] : 0;
      if (bytes2 === 0 && objects === 0) continue;
      const bench = benchOf(as, i);
      const e = ev?.[i] ?? 0;
      addRaw(bench, { bytes: bytes2, objects });
      addEvents(bench, e);
      const user = users[i];
      if (user < 0 || !includeTests && isTestFile(view, user)) continue;
      let kind;
      let evidence4 = "";
      frames: for (let j = stackStart[i]; j < stackStart[i + 1]; j++) {
        const loc = stack[j];
        for (let k = lineStart[loc]; k < lineStart[loc + 1]; k++) {
          if (k === user) break frames;
          const hk = helpers[lineName[k]];
          if (hk && !kind) {
            kind = hk;
            evidence4 = `allocated in ${view.names[lineName[k]]}`;
          }
          if (view.flags[lineName[k]] & THIRD_PARTY) {
            kind = "allocation";
            evidence4 = `${DEPENDENCY}${view.names[lineName[k]]}`;
          }
        }
      }
      sites2.add(i, user, { bytes: bytes2, objects, events: e }, kind, evidence4 || "allocs");
    }
  }
  const c = inputs.cpu;
  const cs = split(c);
  if (c) {
    const ci = sampleIndex(c, "cpu");
    const { values, width, count, stackStart, stack } = c.samples;
    const view = profileView(c);
    const { lineStart, lineName } = view;
    const users = userLines(c, cs, includeTests);
    const routines = classifyNames(view, runtimeKind);
    const sites2 = new SiteAdder(run, view, cs);
    let gc = 0;
    let all = 0;
    for (let i = 0; i < count; i++) {
      const ns = ci >= 0 ? values[i * width + ci] : 0;
      if (ns === 0) continue;
      all += ns;
      const bench = benchOf(cs, i);
      addRaw(bench, { cpuNs: ns });
      const user = users[i];
      let kind;
      let routine = -1;
      frames: for (let j = stackStart[i]; j < stackStart[i + 1]; j++) {
        const loc = stack[j];
        for (let k = lineStart[loc]; k < lineStart[loc + 1]; k++) {
          if (k === user) break frames;
          const rk = routines[lineName[k]];
          if (rk) {
            kind = rk;
            routine = lineName[k];
          } else if (kind === "map-growth" && !isRuntimeName(view.names[lineName[k]])) {
            kind = "allocation";
          }
        }
      }
      if (kind === "gc") gc += ns;
      if (!kind || user < 0 || !includeTests && isTestFile(view, user)) continue;
      sites2.add(i, user, { cpuNs: ns }, kind, `cpu: ${view.names[routine]}`);
    }
    run.gcShare = all > 0 ? gc / all : 0;
  }
  scaleRun(run, raw, inputs, as !== void 0 || cs !== void 0);
  const totals = run.basis === "per-op" && inputs.bench ? benchmarkTotals(inputs.bench) : void 0;
  for (const [bench, e] of events) {
    const ops = totals && bench ? totalsOf(totals, bench)?.ops : void 0;
    run.exposure.set(bench, ops ?? e.sum);
  }
  return run;
}
function scaleRun(run, raw, inputs, isBenchmark) {
  if (!isBenchmark) {
    run.scale.set("", { bytes: 1, objects: 1, cpuNs: 1 });
    return;
  }
  const totals = inputs.bench ? benchmarkTotals(inputs.bench) : void 0;
  let perOp = totals !== void 0;
  const factor = (bench, type, rawTotal) => {
    const t = totals && bench ? totalsOf(totals, bench) : void 0;
    const u = perOpUnits[type];
    const sum = t?.sums.get(u.unit);
    if (!t || !(t.ops > 0) || sum === void 0) {
      perOp = false;
      return rawTotal > 0 ? 1 / rawTotal : 0;
    }
    return rawTotal > 0 ? sum / t.ops * u.factor / rawTotal : 0;
  };
  const scales = /* @__PURE__ */ new Map();
  for (const [bench, r] of raw) {
    if (bench === "") continue;
    scales.set(bench, {
      bytes: factor(bench, "alloc_space", r.bytes),
      objects: factor(bench, "alloc_objects", r.objects),
      cpuNs: factor(bench, "cpu", r.cpuNs)
    });
  }
  for (const [bench, r] of raw) {
    if (bench === "") continue;
    run.scale.set(
      bench,
      perOp ? scales.get(bench) : {
        bytes: r.bytes > 0 ? 1 / r.bytes : 0,
        objects: r.objects > 0 ? 1 / r.objects : 0,
        cpuNs: r.cpuNs > 0 ? 1 / r.cpuNs : 0
      }
    );
  }
  run.basis = perOp ? "per-op" : "share";
}
function scaled(run, a) {
  const k = run.scale.get(a.benchmark) ?? { bytes: 0, objects: 0, cpuNs: 0 };
  return {
    bytes: a.amounts.bytes * k.bytes,
    objects: a.amounts.objects * k.objects,
    cpuNs: a.amounts.cpuNs * k.cpuNs
  };
}
function resetSlice(a, source, text) {
  const m = /(\w+)\s*=\s*append\(\s*(\w+)/.exec(text);
  const v = m?.[2];
  if (!v || m[1] !== v || !a.startLine) return void 0;
  const decl = new RegExp(
    `\\bvar\\s+${v}\\s+\\[\\]|\\b${v}\\s*:?=\\s*(nil\\b|\\[\\][\\w.*]+(\\{\\}|\\(nil\\)))`
  );
  for (let l = a.startLine; l < a.site.line; l++) {
    const t = source(a.site.file, l);
    if (t !== void 0 && decl.test(t.replace(/\/\/.*$/, ""))) return v;
  }
  return void 0;
}
function decideKind(a, source) {
  const text = source && a.site.file ? source(a.site.file, a.site.line) : void 0;
  const grown = [...a.kinds.values()].some((k) => k === "builder-growth" || k === "buffer-growth");
  if (text !== void 0 && grown && /\.Grow\(/.test(text)) {
    return {
      kind: "make",
      evidence: `source: ${text.trim()}`,
      advice: "this is the up-front `Grow`: it sizes the buffer once per call; to allocate less, keep one buffer across calls (a `bytes.Buffer` keeps its memory on `Reset`) or take it from a `sync.Pool`"
    };
  }
  const fromSource = text !== void 0 ? kindFromSource(text) : void 0;
  if (fromSource) {
    const reset = fromSource === "slice-growth" && source ? resetSlice(a, source, text) : void 0;
    return {
      kind: fromSource,
      evidence: `source: ${text.trim()}`,
      ...reset ? {
        advice: `${advice["slice-growth"]}; or reuse the slice across calls (\`${reset} = ${reset}[:0]\`) instead of starting from nil`
      } : {}
    };
  }
  for (const [evidence4, kind] of a.kinds) {
    if (evidence4.startsWith(DEPENDENCY)) {
      const dep = evidence4.slice(DEPENDENCY.length);
      return {
        kind,
        evidence: evidence4,
        advice: `the allocations are in \`${dep}\`, a dependency called from this line: call it less often, or keep and reuse what it returns`
      };
    }
    if (!evidence4.startsWith("cpu") && evidence4 !== "allocs") return { kind, evidence: evidence4 };
  }
  const order = [
    "slice-growth",
    "string-concat",
    "map-growth",
    "conversion",
    "make",
    "interface-boxing",
    "gc",
    "allocation",
    "copy"
  ];
  const cpu = [...a.kinds.entries()].filter(([e]) => e.startsWith("cpu"));
  cpu.sort((x, y) => order.indexOf(x[1]) - order.indexOf(y[1]));
  if (cpu[0]) return { kind: cpu[0][1], evidence: cpu[0][0] };
  return { kind: "allocation", evidence: "allocs" };
}
var MOVED = 0.25;
var GC_POINTS = 2;
function functionTotals(run) {
  const out = /* @__PURE__ */ new Map();
  for (const a of run.sites.values()) {
    const key = fnKey(a.benchmark, a.site.fn);
    const v = scaled(run, a);
    const t = out.get(key) ?? { bytes: 0, objects: 0, cpuNs: 0, events: 0 };
    out.set(key, {
      bytes: t.bytes + v.bytes,
      objects: t.objects + v.objects,
      cpuNs: t.cpuNs + v.cpuNs,
      events: t.events + a.events
    });
  }
  return out;
}
var amountsOnly = (a) => ({
  bytes: a.bytes,
  objects: a.objects,
  cpuNs: a.cpuNs
});
var MIN_EVENTS = 20;
var ALPHA = 1e-3;
function grewBeyondNoise(eb, exposureB, eh, exposureH) {
  if (eh < MIN_EVENTS || !exposureB || !exposureH) return false;
  return rateGrowthP(eb, exposureB, eh, exposureH) < ALPHA;
}
function findHotspots(head, base, options = {}) {
  const tests = options.includeTests === true;
  let h = collectSites(head, tests);
  let b = base ? collectSites(base, tests) : void 0;
  if (b && h.basis !== b.basis && h.basis !== "total" && b.basis !== "total") {
    h = collectSites({ ...head, bench: void 0 }, tests);
    b = collectSites({ ...base, bench: void 0 }, tests);
  }
  const hFns = functionTotals(h);
  const bFns = b ? functionTotals(b) : void 0;
  let totalBytes = 0;
  let totalCpu = 0;
  for (const a of h.sites.values()) {
    const v = scaled(h, a);
    totalBytes += v.bytes;
    totalCpu += v.cpuNs;
  }
  const minShare = options.minShare ?? 0.01;
  const out = [];
  for (const [key, a] of h.sites) {
    const amounts2 = scaled(h, a);
    const bytesShare = totalBytes > 0 ? amounts2.bytes / totalBytes : 0;
    const cpuShare = totalCpu > 0 ? amounts2.cpuNs / totalCpu : 0;
    if (bytesShare < minShare && cpuShare < minShare) continue;
    if (!isUserFunction(a.site.fn) && !a.benchmark) continue;
    const prev = b?.sites.get(key);
    const prevAmounts = prev && b ? scaled(b, prev) : { bytes: 0, objects: 0, cpuNs: 0 };
    const { kind, evidence: evidence4, advice: special } = decideKind(a, options.source);
    const fk = fnKey(a.benchmark, a.site.fn);
    const fnBase = bFns?.get(fk) ?? { bytes: 0, objects: 0, cpuNs: 0, events: 0 };
    const fnHead = hFns.get(fk);
    const lineNew = b !== void 0 && prevAmounts.bytes === 0 && prevAmounts.cpuNs === 0;
    const moved = lineNew && fnBase.bytes > 0 && Math.abs(fnHead.bytes - fnBase.bytes) <= MOVED * fnBase.bytes;
    const exposureH = h.exposure.get(a.benchmark);
    const exposureB = b?.exposure.get(a.benchmark);
    const [eb, eh, vb, vh] = moved ? [fnBase.events, fnHead.events, fnBase.bytes, fnHead.bytes] : [prev?.events ?? 0, a.events, prevAmounts.bytes, amounts2.bytes];
    const rest = (exposure, own) => exposure === void 0 ? void 0 : h.basis === "per-op" ? exposure : exposure - own;
    const grown = b !== void 0 && h.basis !== "share" && vh > 1.1 * vb && grewBeyondNoise(eb, rest(exposureB, eb), eh, rest(exposureH, eh));
    out.push({
      site: a.site,
      benchmark: a.benchmark || void 0,
      basis: h.basis,
      kind,
      advice: special ?? advice[kind],
      evidence: evidence4,
      base: b ? prevAmounts : void 0,
      head: amounts2,
      function: b ? { base: amountsOnly(fnBase), head: amountsOnly(fnHead) } : void 0,
      isNew: lineNew && !moved && fnBase.bytes === 0 && fnBase.cpuNs === 0 && grewBeyondNoise(0, rest(exposureB, 0), a.events, rest(exposureH, a.events)),
      moved,
      grown
    });
  }
  const growth = (x) => x.moved && x.function ? x.function.head.bytes - x.function.base.bytes : x.head.bytes - (x.base?.bytes ?? 0);
  out.sort(
    (x, y) => Number(y.isNew) - Number(x.isNew) || growth(y) - growth(x) || y.head.cpuNs - x.head.cpuNs
  );
  const gc = gcRow(h, b, out);
  return gc ? [...out, gc] : out;
}
function gcRow(h, b, sites2) {
  if (!b || h.gcShare * 100 < b.gcShare * 100 + GC_POINTS) return void 0;
  const drivers = sites2.filter((s) => s.head.bytes > (s.base?.bytes ?? 0) && !s.moved).slice(0, 3).map((s) => `\`${s.site.fn}\` (${s.site.file.split("/").pop()}:${s.site.line})`);
  if (drivers.length === 0) return void 0;
  const points2 = (x) => Math.round(x * 1e3) / 10;
  return {
    site: { fn: "(garbage collection)", file: "", line: 0 },
    benchmark: void 0,
    basis: "share",
    kind: "gc",
    advice: `garbage collection grew from ${points2(b.gcShare)}% to ${points2(h.gcShare)}% of cpu time: allocate less at ${drivers.join(", ")}, or raise GOGC`,
    evidence: "cpu: GC",
    base: { bytes: 0, objects: 0, cpuNs: b.gcShare },
    head: { bytes: 0, objects: 0, cpuNs: h.gcShare },
    function: void 0,
    isNew: false,
    moved: false,
    grown: true
  };
}

// src/analyze/profile-insights.ts
var defaultShareLimits = { alloc_space: 5, alloc_objects: 5 };
var defaultEvidence = { minEvents: 20, alpha: 1e-3 };
var interesting = ["cpu", "alloc_space", "alloc_objects", "inuse_space", "delay", "contentions"];
var TOP = 5;
var MIN_POINTS = 0.1;
var OUTSIDE = "\0outside";
function attribute(p, type, split2) {
  const idx = p.sampleTypes.findIndex((t) => t.type === type);
  const events = sampleEvents(p, type);
  const scopes = /* @__PURE__ */ new Map();
  const { values, width, count } = p.samples;
  const view = profileView(p);
  const users = userLines(p, split2, false);
  let lastScope;
  let last;
  for (let i = 0; i < count; i++) {
    const v = values[i * width + idx];
    const e = events?.[i] ?? 0;
    if (v === 0) continue;
    const b = split2 ? split2.of[i] : -1;
    const scope = split2 ? b >= 0 ? split2.names[b] : OUTSIDE : "";
    let s = scope === lastScope ? last : scopes.get(scope);
    if (!s) scopes.set(scope, s = { total: 0, events: 0, fns: /* @__PURE__ */ new Map() });
    lastScope = scope;
    last = s;
    s.total += v;
    s.events += e;
    if (scope === OUTSIDE) continue;
    const u = users[i];
    if (u < 0) continue;
    const name = view.names[view.lineName[u]];
    const line = view.lineNo[u];
    let f = s.fns.get(name);
    if (!f) {
      const fn = view.lineFn[u];
      f = {
        value: 0,
        events: 0,
        file: fn?.filename ?? "",
        startLine: fn?.startLine ?? 0,
        lines: /* @__PURE__ */ new Map(),
        leaves: /* @__PURE__ */ new Map()
      };
      s.fns.set(name, f);
    }
    f.value += v;
    f.events += e;
    f.lines.set(line, (f.lines.get(line) ?? 0) + v);
    const leaf = leafLine(p, view, i);
    if (leaf !== u) {
      const leafName = view.names[view.lineName[leaf]];
      f.leaves.set(leafName, (f.leaves.get(leafName) ?? 0) + v);
    }
  }
  return scopes;
}
function perOpTotal(totals, bench, type) {
  const u = perOpUnits[type];
  const t = totals && totalsOf(totals, bench);
  if (!u || !t || !(t.ops > 0)) return void 0;
  const sum = t.sums.get(u.unit);
  return sum === void 0 ? void 0 : sum / t.ops * u.factor;
}
var share = (v, total) => total > 0 ? 100 * v / total : 0;
function hotLine(b, bt, h, ht) {
  let best;
  for (const line of /* @__PURE__ */ new Set([...b?.lines.keys() ?? [], ...h?.lines.keys() ?? []])) {
    const hv = h?.lines.get(line) ?? 0;
    const grow = share(hv, ht) - share(b?.lines.get(line) ?? 0, bt);
    if (!best || grow > best.grow || grow === best.grow && hv > best.head)
      best = { line, grow, head: hv };
  }
  return best?.line;
}
function topLeaf(f) {
  let best;
  for (const e of f?.leaves ?? []) if (!best || e[1] > best[1]) best = e;
  return best && f && best[1] > f.value / 2 ? best[0] : void 0;
}
function sampleTypeChanges(pair, type, options) {
  const evidence4 = options.evidence ?? defaultEvidence;
  const { base, head } = pair;
  if (!base) return void 0;
  const hi = head.sampleTypes.findIndex((t) => t.type === type);
  const bi = base.sampleTypes.findIndex((t) => t.type === type);
  if (hi < 0 || bi < 0) return void 0;
  const hs = benchmarkSplit(head);
  const bs = benchmarkSplit(base);
  const perBenchmark = hs !== void 0 && bs !== void 0;
  const b = attribute(base, type, perBenchmark ? bs : void 0);
  const h = attribute(head, type, perBenchmark ? hs : void 0);
  const limit = options.limits[type];
  const bTotals = options.bench?.base ? benchmarkTotals(options.bench.base) : void 0;
  const hTotals = options.bench?.head ? benchmarkTotals(options.bench.head) : void 0;
  const changes = [];
  for (const [scope, hScope] of h) {
    const bScope = b.get(scope);
    if (scope === OUTSIDE || !bScope) continue;
    const bench = scope === "" ? void 0 : scope;
    const bPer = bench ? perOpTotal(bTotals, bench, type) : void 0;
    const hPer = bench ? perOpTotal(hTotals, bench, type) : void 0;
    const bOps = bench && bTotals ? totalsOf(bTotals, bench)?.ops : void 0;
    const hOps = bench && hTotals ? totalsOf(hTotals, bench)?.ops : void 0;
    const perOp = bPer !== void 0 && hPer !== void 0 && bOps && hOps;
    for (const name of /* @__PURE__ */ new Set([...hScope.fns.keys(), ...bScope.fns.keys()])) {
      const bf = bScope.fns.get(name);
      const hf = hScope.fns.get(name);
      const bv = bf?.value ?? 0;
      const hv = hf?.value ?? 0;
      const bShare = share(bv, bScope.total);
      const hShare = share(hv, hScope.total);
      let basis;
      let baseValue;
      let headValue;
      let points2;
      let p;
      const eb = bf?.events ?? 0;
      const eh = hf?.events ?? 0;
      if (perOp) {
        basis = "per-op";
        baseValue = bShare / 100 * bPer;
        headValue = hShare / 100 * hPer;
        points2 = share(headValue - baseValue, bPer > 0 ? bPer : hPer);
        p = rateGrowthP(eb, bOps, eh, hOps);
      } else {
        basis = bench ? "benchmark" : "total";
        baseValue = bv;
        headValue = hv;
        points2 = hShare - bShare;
        p = rateGrowthP(eb, bScope.events - eb, eh, hScope.events - eh);
      }
      const significant2 = eh >= evidence4.minEvents && p < evidence4.alpha;
      changes.push({
        name,
        benchmark: bench,
        file: hf?.file ?? bf?.file ?? "",
        line: hotLine(bf, bScope.total, hf, hScope.total) ?? hf?.startLine ?? bf?.startLine ?? 0,
        leaf: topLeaf(hf ?? bf),
        basis,
        base: baseValue,
        head: headValue,
        delta: headValue - baseValue,
        sharePoints: points2,
        events: { base: eb, head: eh },
        p,
        significant: significant2,
        regression: profileGrowthFails({ limit, basis, significant: significant2, points: points2 })
      });
    }
  }
  const grown = changes.filter((c) => c.delta > 0 && (c.regression || Math.abs(c.sharePoints) >= MIN_POINTS)).sort(
    (x, y) => Number(y.regression) - Number(x.regression) || y.sharePoints - x.sharePoints || y.delta - x.delta
  );
  const regressions = grown.filter((c) => c.regression).length;
  return {
    profile: pair.name,
    sampleType: type,
    unit: head.sampleTypes[hi].unit,
    baseTotal: sumOf(b),
    headTotal: sumOf(h),
    perBenchmark,
    grown: grown.slice(0, Math.max(TOP, regressions)),
    shrunk: changes.filter((c) => c.delta < 0 && Math.abs(c.sharePoints) >= MIN_POINTS).sort((x, y) => x.sharePoints - y.sharePoints || x.delta - y.delta).slice(0, TOP),
    limitPoints: limit
  };
}
function sumOf(scopes) {
  let t = 0;
  for (const s of scopes.values()) t += s.total;
  return t;
}
function profileInsights(inputs) {
  const limits = inputs.shareLimits ?? defaultShareLimits;
  const changes = [];
  const notes = [];
  const head = {};
  const base = {};
  let anyBase = false;
  for (const pair of inputs.pairs) {
    if (pair.head.samples.count === 0) notes.push(`${pair.name}: the profile has no samples`);
    const types = pair.head.sampleTypes.map((t) => t.type);
    if (types.includes("cpu")) {
      head.cpu ??= pair.head;
      if (pair.base) base.cpu ??= pair.base;
    }
    if (types.includes("alloc_space") && !pair.name.includes("heap")) {
      head.allocs ??= pair.head;
      if (pair.base) base.allocs ??= pair.base;
    }
    if (pair.base) anyBase = true;
    const wanted = pair.name.includes("heap") ? ["inuse_space"] : interesting.filter((t) => t !== "inuse_space");
    if (pair.base && limits !== void 0 && wanted.some((t) => limits[t] !== void 0 && types.includes(t)) && benchmarkSplit(pair.head)?.names.length && !(inputs.bench?.base && inputs.bench.head)) {
      notes.push(
        `${pair.name}: a go test -bench profile without the benchmark output of its runs: compared as shares within each benchmark, which move with b.N, so it does not gate; give the benchmark output to compare per operation`
      );
    }
    for (const type of wanted) {
      if (!types.includes(type)) continue;
      const c = sampleTypeChanges(pair, type, {
        limits,
        ...inputs.evidence ? { evidence: inputs.evidence } : {},
        ...inputs.bench ? { bench: inputs.bench } : {}
      });
      if (c) changes.push(c);
    }
  }
  const hotspots2 = head.cpu || head.allocs ? findHotspots(
    { ...head, bench: inputs.bench?.head },
    anyBase ? { ...base, bench: inputs.bench?.base } : void 0,
    {
      ...inputs.source ? { source: inputs.source } : {},
      ...inputs.hotspotsInTests ? { includeTests: true } : {}
    }
  ) : [];
  const g = inputs.goroutines;
  const leaks2 = g ? findLeaks(g.head, g.base, inputs.leakOptions ?? defaultLeakOptions) : [];
  if (g) notes.push(...g.head.warnings, ...g.base?.warnings ?? []);
  const mixed = g && mixedFormsNote(g.head, g.base);
  if (mixed) notes.push(mixed);
  return { changes, hotspots: hotspots2, leaks: leaks2, ...g?.base ? { goroutinesCompared: true } : {}, notes };
}

// src/collect/bench-files.ts
import path6 from "node:path";
var MAX_BENCH_FILE_BYTES = 256 * 1024 * 1024;
async function readBenchFile(file, options = {}) {
  const label = options.label ?? file;
  const bytes2 = await readInputFile(file, MAX_BENCH_FILE_BYTES);
  if (options.empty === "no-results" && new TextDecoder().decode(bytes2).trim() === "")
    return parseBenchText("", label);
  return parseBenchOutput(bytes2, label);
}
async function readBenchSide(dir, files2, label, labelOf = (f) => f) {
  if (files2.length === 0) return void 0;
  const parsed = [];
  for (const f of files2)
    parsed.push(await readBenchFile(path6.join(dir, f), { label: labelOf(f), empty: "no-results" }));
  return mergeBenchFiles(label, parsed);
}

// src/collect/read-profiles.ts
import path7 from "node:path";

// src/parse/pprof/thread.ts
import { existsSync as existsSync2 } from "node:fs";
import { fileURLToPath as fileURLToPath2 } from "node:url";
import { Worker } from "node:worker_threads";
function threadScript(name) {
  const fromSource = import.meta.url.endsWith(".ts");
  const file = fileURLToPath2(
    new URL(fromSource ? `../../../dist/${name}` : `./${name}`, import.meta.url)
  );
  return existsSync2(file) ? file : void 0;
}
function runOnThread(script, request) {
  return new Promise((resolve) => {
    let worker;
    try {
      worker = new Worker(script, { workerData: request });
    } catch (err) {
      resolve({ threadError: String(err) });
      return;
    }
    worker.once("message", (m) => resolve(m));
    worker.once("error", (err) => resolve({ threadError: String(err) }));
    worker.once("exit", (code) => resolve({ threadError: `the thread exited (${code})` }));
  });
}
var OFF_THREAD_MIN_BYTES = 1 << 20;
async function readPprofOffThread(bytes2, options = {}, minBytes = OFF_THREAD_MIN_BYTES) {
  const script = bytes2.length >= minBytes ? threadScript("parse-worker.js") : void 0;
  if (!script) return readPprof(bytes2, options);
  const reply = await runOnThread(script, { bytes: bytes2, options });
  if ("profile" in reply) return reply.profile;
  if ("formatError" in reply) throw new FormatError(reply.formatError);
  return readPprof(bytes2, options);
}

// src/collect/read-profiles.ts
async function readOne(side2, rel, found, read = readPprof) {
  let bytes2;
  try {
    bytes2 = await readInputFile(path7.join(side2.dir, rel));
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    found.warnings.push(err.message);
    return void 0;
  }
  try {
    const text = textPreview(bytes2);
    if (text !== void 0) {
      if (sniffGoroutineText(new TextDecoder().decode(bytes2))) {
        return { goroutines: parseGoroutines(bytes2, rel) };
      }
      found.skipped.push(rel);
      return void 0;
    }
    const profile = await read(bytes2);
    const isGoroutine = profile.sampleTypes.some(
      (t) => t.type === "goroutine" || t.type === "goroutineleak"
    );
    return isGoroutine ? { profile, goroutines: parseGoroutines(bytes2, rel) } : { profile };
  } catch (err) {
    if (err instanceof FormatError) {
      found.warnings.push(`${rel}: ${err.message}`);
      return void 0;
    }
    throw err;
  }
}
async function readProfiles(head, base) {
  const found = { warnings: [], skipped: [] };
  const pairs = [];
  const snapshots = [];
  const beforeFiles = head.files.filter((f) => beforeFile.test(f));
  const before = [];
  for (const f of beforeFiles) {
    const g = (await readOne(head, f, found))?.goroutines;
    if (g) before.push(g);
  }
  for (const rel of head.files) {
    if (beforeFiles.includes(rel)) continue;
    const baseFound = { warnings: [], skipped: [] };
    const [h, b] = await Promise.all([
      readOne(head, rel, found),
      base && base.files.includes(rel) ? readOne(base, rel, baseFound, readPprofOffThread) : void 0
    ]);
    if (!h) continue;
    found.warnings.push(...baseFound.warnings);
    found.skipped.push(...baseFound.skipped);
    if (h.profile && !h.goroutines)
      pairs.push({ name: path7.basename(rel), base: b?.profile, head: h.profile });
    if (h.goroutines) {
      const sameForm = before.find((g) => g.source === h.goroutines.source);
      const base2 = before.length > 0 ? sameForm ?? before[0] : b?.goroutines;
      snapshots.push({ rel, head: h.goroutines, base: base2 });
    }
  }
  const goroutines = bestPair(snapshots);
  const warnings = found.warnings;
  if (pairs.length === 0 && !goroutines && found.skipped.length > 0) {
    warnings.push(skippedWarning(head.dir, [...new Set(found.skipped)]));
  }
  return { pairs, goroutines, warnings };
}
function skippedWarning(dir, files2) {
  const shown2 = files2.slice(0, 3).join(", ") + (files2.length > 3 ? ", …" : "");
  const what = files2.length === 1 ? "text file is" : "text files are";
  return `${dir}: no profile read; ${files2.length} ${what} neither a pprof profile nor a goroutine dump (${shown2})`;
}
var beforeFile = /goroutine-before\.(pb\.gz|debug[12]\.txt)$/;
function bestPair(snapshots) {
  const rank = (x) => (x.base === void 0 ? 0 : x.base.source === x.head.source ? 4 : 2) + (x.head.source === "debug2" ? 1 : 0);
  let best;
  for (const x of snapshots) if (!best || rank(x) > rank(best)) best = x;
  return best && { head: best.head, base: best.base };
}

// src/collect/source.ts
import { existsSync as existsSync3, readFileSync, statSync } from "node:fs";
import path8 from "node:path";
function sourceLookup(roots) {
  const files2 = /* @__PURE__ */ new Map();
  const locate = (file) => {
    if (path8.isAbsolute(file) && existsSync3(file)) return file;
    const parts = file.split("/").filter((p) => p !== "");
    for (let i = 0; i < parts.length; i++) {
      const tail = parts.slice(i).join("/");
      for (const root2 of roots) {
        const candidate = path8.join(root2, tail);
        if (existsSync3(candidate) && statSync(candidate).isFile()) return candidate;
      }
    }
    return void 0;
  };
  return (file, line) => {
    if (!files2.has(file)) {
      const found = locate(file);
      let lines;
      try {
        lines = found ? readFileSync(found, "utf8").split("\n") : void 0;
      } catch {
        lines = void 0;
      }
      files2.set(file, lines);
    }
    return files2.get(file)?.[line - 1];
  };
}

// src/cli/run-inputs.ts
var readBench = (p) => readBenchFile(p);
async function readAllProfiles(inputs) {
  const { headProfiles: headDir, baseProfiles: baseDir } = inputs;
  const read = headDir === void 0 ? { pairs: [], goroutines: void 0, warnings: [] } : await readProfiles(
    { dir: headDir, files: await listFiles(headDir, "a folder of profiles") },
    baseDir === void 0 ? void 0 : { dir: baseDir, files: await listFiles(baseDir, "a folder of profiles") }
  );
  if (inputs.headGoroutines !== void 0) {
    const load3 = async (f) => {
      try {
        return parseGoroutines(await readInputFile(f), f);
      } catch (err) {
        throw withSource(f, err);
      }
    };
    read.goroutines = {
      head: await load3(inputs.headGoroutines),
      base: inputs.baseGoroutines === void 0 ? void 0 : await load3(inputs.baseGoroutines)
    };
  }
  return read;
}
async function cliRun(inputs) {
  const base = inputs.benchBase === void 0 ? void 0 : await readBench(inputs.benchBase);
  const head = inputs.benchHead === void 0 ? void 0 : await readBench(inputs.benchHead);
  const read = await readAllProfiles(inputs);
  inputs.onProfiles?.(read);
  let profiles;
  if (inputs.headProfiles !== void 0 || inputs.headGoroutines !== void 0) {
    profiles = profileInsights({
      pairs: read.pairs,
      goroutines: read.goroutines,
      source: sourceLookup([inputs.source]),
      bench: { base, head }
    });
  }
  const { runUrl } = inputs;
  const baseSide = inputs.benchBase ?? inputs.baseProfiles ?? inputs.baseGoroutines;
  const report = buildRunReport({
    key: inputs.key,
    headCommit: inputs.headCommit ?? inputs.benchHead ?? inputs.headProfiles ?? "",
    head,
    baseline: base === void 0 && baseSide === void 0 ? void 0 : {
      bench: base,
      info: inputs.stored ? fileBaseline() : {
        source: "files",
        commit: baseSide,
        branch: void 0,
        createdAt: void 0,
        runUrl: void 0
      }
    },
    gate: { ...readGateOptions(inputs.gateValues), gateTimings: !inputs.stored },
    profiles,
    headProfiles: read.pairs.length + (read.goroutines ? 1 : 0),
    missingBaseline: "pass",
    warnings: [...read.warnings],
    links: { run: runUrl, summary: runUrl === void 0 ? void 0 : `${runUrl}#summary` },
    generatedAt: (/* @__PURE__ */ new Date()).toISOString()
  });
  return { report, profiles: read };
}

// src/cli/commands/comment.ts
var commentUsage = `Usage: perfgate comment <base.txt> <head.txt> [options]
       perfgate comment --head-profiles DIR [--base-profiles DIR] [options]
       perfgate comment --head-goroutines F [--base-goroutines F] [options]

Prints the pull-request comment (GitHub markdown) that the action posts for these two
benchmark runs, as if base had been rerun in the same job (timings gate), or for profiles or
goroutine dumps alone (as the action does with pprof-url and no benchmarks). Exits like
\`perfgate gate\`: 1 when the verdict is fail, 2 when nothing could be compared.

Options:
  --key KEY            the baseline key named in the comment's marker (default: "default")
  --head-profiles DIR  profiles of head (pprof files, goroutine dumps) to read insights from
  --base-profiles DIR  the same profiles of base (paired by file name)
  --head-goroutines F  a goroutine dump of head (pprof or debug=1/2 text), for leak warnings
  --base-goroutines F  the same dump of base
  --source DIR         where the Go sources are, to name allocation kinds (default: .)
  --stored-baseline    treat base as the action's \`baseline: <file>\` (timings do not gate)
  --run-url URL        the workflow run the comment links to (and its job summary)
  --head-commit SHA    the head commit the comment names
  plus the gate's options: --max-regression, --alpha, --correction, --test
`;
async function runComment(argv, io) {
  const { values, positionals } = parseCommandArgs("comment", argv, {
    key: { type: "string" },
    "head-profiles": { type: "string" },
    "base-profiles": { type: "string" },
    source: { type: "string" },
    "head-goroutines": { type: "string" },
    "base-goroutines": { type: "string" },
    "stored-baseline": { type: "boolean" },
    "run-url": { type: "string" },
    "head-commit": { type: "string" },
    ...gateFlags
  });
  const profilesAlone = positionals.length === 0 && (values["head-profiles"] !== void 0 || values["head-goroutines"] !== void 0);
  if (positionals.length !== 2 && !profilesAlone) {
    throw new UserError(
      `perfgate comment: expected two benchmark files (base and head), or --head-profiles or --head-goroutines without them

${commentUsage}`
    );
  }
  const [basePath, headPath] = positionals;
  const { report } = await cliRun({
    benchBase: basePath,
    benchHead: headPath,
    baseProfiles: values["base-profiles"],
    headProfiles: values["head-profiles"],
    baseGoroutines: values["base-goroutines"],
    headGoroutines: values["head-goroutines"],
    source: values.source ?? ".",
    stored: values["stored-baseline"] === true,
    key: values.key ?? "default",
    headCommit: values["head-commit"],
    runUrl: values["run-url"],
    gateValues: values
  });
  io.stdout(`${renderComment(report)}
`);
  return gateExitCode({ verdict: report.verdict, cause: report.reason }, io, "comment");
}

// src/render/diagnostics.ts
var SHOWN_DIAGNOSTICS = 10;
function diagnosticLines(diagnostics, max = SHOWN_DIAGNOSTICS) {
  const byFile = /* @__PURE__ */ new Map();
  for (const d of diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const lines = [];
  for (const [file, list] of byFile) {
    for (const d of list.slice(0, max)) {
      lines.push(plainText(`${d.file}:${d.line}: ${d.message}`, MAX_MESSAGE));
    }
    const more = list.length - max;
    if (more > 0) {
      lines.push(
        plainText(
          `${file}: … and ${more.toLocaleString("en-US")} more ${more === 1 ? "line" : "lines"} like this`
        )
      );
    }
  }
  return lines;
}

// src/analyze/bench-compare.ts
var benchstatDefaults = { alpha: 0.05, confidence: 0.95 };
function compareBenchFiles(files2, options = benchstatDefaults) {
  const units = mergeUnitMetadata(files2);
  const configKeys = [];
  const rowOrder = /* @__PURE__ */ new Map();
  const unitOrder = /* @__PURE__ */ new Map();
  for (const f of files2) {
    for (const r of f.results) {
      for (const k of Object.keys(r.config)) if (!configKeys.includes(k)) configKeys.push(k);
      if (!rowOrder.has(r.name)) rowOrder.set(r.name, rowOrder.size);
      for (const v of r.values) if (!unitOrder.has(v.unit)) unitOrder.set(v.unit, unitOrder.size);
    }
  }
  const tables = /* @__PURE__ */ new Map();
  files2.forEach((f, col) => {
    for (const r of f.results) {
      const config = configKeys.map((k) => r.config[k] ?? "");
      for (const v of r.values) {
        const key = JSON.stringify([config, v.unit]);
        let t = tables.get(key);
        if (!t) tables.set(key, t = { config, unit: v.unit, cells: /* @__PURE__ */ new Map() });
        let row = t.cells.get(r.name);
        if (!row) t.cells.set(r.name, row = /* @__PURE__ */ new Map());
        let values = row.get(col);
        if (!values) row.set(col, values = []);
        values.push(v.value);
      }
    }
  });
  const sorted = [...tables.values()].sort((a, b) => {
    for (let i = 0; i < configKeys.length; i++) {
      if (a.config[i] !== b.config[i]) return a.config[i] < b.config[i] ? -1 : 1;
    }
    return unitOrder.get(a.unit) - unitOrder.get(b.unit);
  });
  return sorted.map((t) => {
    const assume = units[t.unit]?.assume === "exact" ? "exact" : "nothing";
    const present = /* @__PURE__ */ new Set();
    for (const row of t.cells.values()) for (const col of row.keys()) present.add(col);
    const cols = [...present].sort((a, b) => a - b);
    const baseCol = cols[0];
    const names = [...t.cells.keys()].sort((a, b) => rowOrder.get(a) - rowOrder.get(b));
    const rows = names.map((name) => {
      const byCol = t.cells.get(name);
      const base = byCol.get(baseCol);
      const baseSummary = base && summarize(base, assume, options.confidence);
      return {
        name,
        cells: cols.map((col) => {
          const values = byCol.get(col);
          if (!values) return void 0;
          if (col === baseCol) return { values, summary: baseSummary };
          const summary = summarize(values, assume, options.confidence);
          if (!base) return { values, summary };
          return {
            values,
            summary,
            comparison: compareSamples(base, values, assume, options.alpha),
            baseCenter: baseSummary.center
          };
        })
      };
    });
    return {
      config: configKeys.map((k, i) => [k, t.config[i]]),
      unit: t.unit,
      assume,
      columns: cols.map((c) => files2[c].label),
      rows,
      summaries: cols.map((_, i) => columnSummary(rows, i))
    };
  });
}
function mergeUnitMetadata(files2) {
  const out = {};
  for (const f of files2) {
    for (const [unit, meta] of Object.entries(f.units)) {
      const m = out[unit] ??= {};
      m.assume ??= meta.assume;
      m.better ??= meta.better;
    }
  }
  return out;
}
function geomean(xs) {
  if (xs.length === 0) return NaN;
  let m = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (x <= 0) return NaN;
    m += (Math.log(x) - m) / (i + 1);
  }
  return Math.exp(m);
}
function columnSummary(rows, col) {
  const isBase = col === 0;
  const centers = [];
  const ratios = [];
  let badRatio = false;
  let nBase = 0;
  for (const row of rows) {
    if (row.cells[0]) nBase++;
    const cell = row.cells[col];
    if (!cell) continue;
    centers.push(cell.summary.center);
    if (!isBase && cell.baseCenter !== void 0) {
      const a = cell.summary.center;
      const b = cell.baseCenter;
      if (a === b) ratios.push(1);
      else if (b === 0) {
        badRatio = true;
        ratios.push(0);
      } else ratios.push(a / b);
    }
  }
  const s = { warnings: [] };
  if (!isBase && nBase !== ratios.length) {
    s.warnings.push("benchmark set differs from baseline; geomeans may not be comparable");
  }
  const gm = geomean(centers);
  if (Number.isNaN(gm)) s.warnings.push("summaries must be >0 to compute geomean");
  else s.geomean = gm;
  if (!isBase && !badRatio) {
    const r = geomean(ratios);
    if (Number.isNaN(r)) s.warnings.push("ratios must be >0 to compute geomean");
    else s.ratio = r;
  }
  return s;
}

// src/cli/commands/compare.ts
var compareUsage = `Usage: perfgate compare <base.txt> <head.txt> [more.txt ...] [options]

Compares Go benchmark output files (go test -bench) like benchstat: medians, 95% confidence
intervals, Mann-Whitney U p-values, and "~" where the difference is not significant. With no
options it makes exactly benchstat's decisions (alpha 0.05, no correction).

Options:
  --format FORMAT     text (benchstat's layout, default), csv (benchstat's CSV), json
  --alpha A           significance level (default 0.05)
  --confidence C      confidence level of the intervals (default 0.95)
`;
var gateUsage = `Usage: perfgate gate <base.txt> <head.txt> [options]

Applies the regression gate to two Go benchmark output files: a change fails only when it is
significant and worse than its limit. Benchmarks are matched by package and name: machine lines
(cpu, goos, goarch) and the GOMAXPROCS suffix never keep them apart (a line says when they
differ). Exit code 1 when the gate fails, 0 when it passes, 2 when no benchmark of head is in
base (nothing compared) or on bad input.

Options:
  --max-regression LIMITS  limits per unit and benchmark pattern, added to the defaults
                           (default: sec/op=10%, B/op=5%+64, allocs/op=0, other units 10%),
                           e.g. "sec/op=5%, JSON*:sec/op=20%, B/op=5%+64"
  --alpha A                significance level (default 0.05)
  --correction METHOD      holm (default), bh or none: multiple-comparison control over all
                           comparisons of the run
  --test TEST              mann-whitney (default) or wilcoxon (paired rounds; interleaved runs)
  --format FORMAT          text (default), markdown or json
`;
function fileLabels(paths) {
  return paths.map(
    (p, i) => paths.filter((q) => q === p).length > 1 ? `${p}#${paths.slice(0, i).filter((q) => q === p).length}` : p
  );
}
async function loadFiles(paths, labels) {
  const files2 = [];
  for (const [i, path10] of paths.entries()) {
    files2.push(await readBenchFile(path10, { label: labels[i] }));
  }
  return files2;
}
function reportDiagnostics(files2, io) {
  for (const line of diagnosticLines(files2.flatMap((f) => f.diagnostics))) io.stderr(`${line}
`);
}
function rejectFailures(files2) {
  const messages = files2.flatMap((f) => f.failures.map(failureMessage));
  if (messages.length > 0) throw new UserError(messages.join("\n"));
}
async function runCompare(argv, io) {
  const { values, positionals } = parseCommandArgs("compare", argv, {
    format: { type: "string" },
    alpha: { type: "string" },
    confidence: { type: "string" }
  });
  if (positionals.length < 2) {
    throw new UserError(
      `perfgate compare: expected at least two benchmark files, got ${positionals.length}

${compareUsage}`
    );
  }
  const format = readFormat(values.format, ["text", "csv", "json"]);
  const options = {
    alpha: values.alpha === void 0 ? benchstatDefaults.alpha : readFraction("--alpha", values.alpha),
    confidence: values.confidence === void 0 ? benchstatDefaults.confidence : readFraction("--confidence", values.confidence)
  };
  const files2 = await loadFiles(positionals, fileLabels(positionals));
  reportDiagnostics(files2, io);
  rejectFailures(files2);
  for (const m of unitMismatches(files2[0], files2[1])) io.stderr(`warning: ${m}
`);
  const tables = compareBenchFiles(files2, options);
  printAs(io, format, tables, {
    text: () => renderBenchstatText(tables),
    csv: () => {
      const { csv, warnings } = renderBenchstatCsv(tables);
      for (const w of warnings) io.stderr(`${w}
`);
      return csv;
    }
  });
  return 0;
}
async function runGate(argv, io) {
  const { values, positionals } = parseCommandArgs("gate", argv, {
    ...gateFlags,
    format: { type: "string" }
  });
  if (positionals.length !== 2) {
    throw new UserError(
      `perfgate gate: expected two benchmark files (base and head), got ${positionals.length}

${gateUsage}`
    );
  }
  const format = readFormat(values.format, ["text", "markdown", "json"]);
  const options = readGateOptions(values);
  const [base, head] = await loadFiles(positionals, fileLabels(positionals));
  reportDiagnostics([base, head], io);
  rejectFailures([base]);
  const headFailures = head.failures.map(failureMessage);
  if (headFailures.length > 0) {
    io.stdout(`FAIL: the head run has failures
${headFailures.join("\n")}
`);
    return 1;
  }
  for (const m of unitMismatches(base, head)) io.stderr(`warning: ${m}
`);
  const result = gate(base, head, options);
  printAs(io, format, result, {
    text: () => renderGateText(result),
    markdown: () => renderGateMarkdown(result)
  });
  return gateExitCode(result, io, "gate");
}

// src/analyze/functions.ts
var INLINABLE = 1;
var INLINED = 2;
var KIND_SHIFT = 29;
var NODE_MASK = (1 << KIND_SHIFT) - 1;
var EDGE_FRACTION = 1e-3;
function nodeKey(loc, lineIndex, view, k) {
  const fn = loc.lines[lineIndex]?.fn;
  const fnName = fn ? view.names[view.lineName[k]] : void 0;
  if (fnName) return { key: fnName, name: fnName };
  const obj = loc.mapping?.filename ?? "";
  const base = obj.split("/").pop() ?? "";
  const name = base !== "" ? `[${base}]` : "<unknown>";
  const key = `${obj}\0${fn?.startLine ?? 0}`;
  return { key, name };
}
var localNodes = /* @__PURE__ */ new WeakMap();
function localNodesOf(profile) {
  const locs = profile.locations;
  let out = localNodes.get(locs);
  if (out) return out;
  const view = profileView(profile);
  const start = new Uint32Array(locs.length + 1);
  let total = 0;
  for (let i = 0; i < locs.length; i++) {
    start[i] = total;
    total += Math.max(1, locs[i].lines.length);
  }
  start[locs.length] = total;
  const nodes = new Int32Array(total);
  const ids = /* @__PURE__ */ new Map();
  const keys = [];
  const names = [];
  for (let i = 0; i < locs.length; i++) {
    const loc = locs[i];
    const n = Math.max(1, loc.lines.length);
    for (let j = 0; j < n; j++) {
      const { key, name } = nodeKey(loc, j, view, view.lineStart[i] + j);
      let id = ids.get(key);
      if (id === void 0) {
        id = keys.length;
        ids.set(key, id);
        keys.push(key);
        names.push(name);
      }
      nodes[start[i] + j] = id;
    }
  }
  localNodes.set(locs, out = { start, nodes, keys, names });
  return out;
}
function locationNodes(profile, index) {
  const local = localNodesOf(profile);
  const remap = new Int32Array(local.keys.length);
  const same = index.names.length === 0;
  for (let i = 0; i < local.keys.length; i++) {
    const key = local.keys[i];
    let id = index.ids.get(key);
    if (id === void 0) {
      id = index.names.length;
      index.ids.set(key, id);
      index.names.push(local.names[i]);
    }
    remap[i] = id;
  }
  if (same) return local;
  const nodes = new Int32Array(local.nodes.length);
  for (let k = 0; k < nodes.length; k++) nodes[k] = remap[local.nodes[k]];
  return { start: local.start, nodes };
}
function functionTable(sources) {
  const index = { ids: /* @__PURE__ */ new Map(), names: [] };
  const perSource = sources.map((s) => locationNodes(s.profile, index));
  const n = index.names.length;
  const inlinable = new Uint8Array(n);
  for (const ln of perSource) {
    for (let l = 0; l + 1 < ln.start.length; l++) {
      for (let j = ln.start[l]; j < ln.start[l + 1] - 1; j++) inlinable[ln.nodes[j]] = 1;
    }
  }
  const acc = {
    flat: new Float64Array(n),
    cum: new Float64Array(n),
    seen: new Int32Array(n).fill(-1),
    stamp: 0,
    total: 0,
    baseTotal: 0,
    inlinable,
    edges: new EdgeTable(n, inlinable)
  };
  sources.forEach((source, s) => {
    const ln = perSource[s];
    accumulate(source, ln, acc.edges.intraLocationEdges(ln), acc);
  });
  const { flat, cum } = acc;
  const markers = acc.edges.markers(Math.abs(Math.trunc(totalFlat(flat) * EDGE_FRACTION)));
  const functions = [];
  for (let i = 0; i < n; i++) {
    if (flat[i] === 0 && cum[i] === 0) continue;
    functions.push({
      name: index.names[i],
      flat: flat[i],
      cum: cum[i],
      inline: markers[i] ?? ""
    });
  }
  functions.sort(byFlatThenName);
  return { functions, total: acc.baseTotal > 0 ? acc.baseTotal : acc.total };
}
function accumulate(source, ln, intra, acc) {
  const { profile, sampleIndex: sampleIndex2 } = source;
  const scale = source.scale ?? 1;
  const { values, width, stackStart, stack, count } = profile.samples;
  const { start, nodes } = ln;
  const { flat, cum, seen, inlinable, edges } = acc;
  let { seenIn: edgeSeen, weight: edgeWeight } = edges;
  let stamp = acc.stamp;
  let total = acc.total;
  const baseMask = source.base ? void 0 : baseSamples(profile);
  const nLoc = start.length - 1;
  const outerOf = new Int32Array(nLoc);
  for (let l = 0; l < nLoc; l++) {
    const outer = nodes[start[l + 1] - 1];
    const kind = (inlinable[outer] === 1 ? INLINABLE : 0) | (start[l + 1] - start[l] > 1 ? INLINED : 0);
    outerOf[l] = outer | kind << KIND_SHIFT;
  }
  for (let i = 0; i < count; i++) {
    const w = values[i * width + sampleIndex2] * scale;
    const first = stackStart[i];
    const last = stackStart[i + 1];
    total += Math.abs(w);
    if (source.base || baseMask?.[i]) acc.baseTotal += Math.abs(w);
    if (w === 0 || first === last) continue;
    stamp++;
    const sample = edges.nextSample();
    let parent = -1;
    for (let f = last - 1; f >= first; f--) {
      const loc = stack[f];
      const packed = outerOf[loc];
      const outer = packed & NODE_MASK;
      if (seen[outer] !== stamp) {
        seen[outer] = stamp;
        cum[outer] += w;
      }
      if (packed === outer) {
        parent = outer;
        continue;
      }
      const k0 = packed >>> KIND_SHIFT;
      if (k0 & INLINABLE && parent >= 0 && parent !== outer) {
        edges.hit(edges.id(parent, outer), w, false);
        ({ seenIn: edgeSeen, weight: edgeWeight } = edges);
      }
      parent = outer;
      if (!(k0 & INLINED)) continue;
      const lo = start[loc];
      for (let k = start[loc + 1] - 2; k >= lo; k--) {
        const node = nodes[k];
        if (seen[node] !== stamp) {
          seen[node] = stamp;
          cum[node] += w;
        }
        const e = intra[k];
        if (e >= 0 && edgeSeen[e] !== sample) {
          edgeSeen[e] = sample;
          edgeWeight[e] += w;
        }
        parent = node;
      }
    }
    flat[parent] += w;
  }
  acc.stamp = stamp;
  acc.total = total;
}
function baseSamples(profile) {
  const t = profile.samples.labels;
  const key = t.strings.indexOf("pprof::base");
  if (key < 0 || t.key.length === 0) return void 0;
  const yes = t.strings.indexOf("true");
  const mask = new Uint8Array(profile.samples.count);
  for (let i = 0; i < profile.samples.count; i++) {
    for (let j = t.start[i]; j < t.start[i + 1]; j++) {
      if (t.key[j] === key && t.str[j] === yes) mask[i] = 1;
    }
  }
  return mask;
}
function totalFlat(flat) {
  let sum = 0;
  for (const v of flat) sum += v;
  return sum;
}
function byFlatThenName(a, b) {
  const fa = Math.abs(a.flat);
  const fb = Math.abs(b.flat);
  if (fa !== fb) return fb - fa;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  const ca = Math.abs(a.cum);
  const cb = Math.abs(b.cum);
  return cb - ca;
}
var EdgeTable = class {
  constructor(nodeCount, inlinable) {
    this.nodeCount = nodeCount;
    this.slotOf = new Int32Array(nodeCount).fill(-1);
    let slots = 0;
    for (let i = 0; i < nodeCount; i++) if (inlinable[i]) this.slotOf[i] = slots++;
    if (slots * nodeCount <= 1 << 22) this.dense = new Int32Array(slots * nodeCount).fill(-1);
  }
  nodeCount;
  slotOf;
  dense;
  sparse = /* @__PURE__ */ new Map();
  count = 0;
  from = new Int32Array(64);
  to = new Int32Array(64);
  /** Per edge: summed weight, and the last sample that counted it (read by the hot loop). */
  weight = new Float64Array(64);
  seenIn = new Int32Array(64);
  allInline = new Uint8Array(64);
  sample = 0;
  /** Starts a sample; returns its number (edges are counted once per sample). */
  nextSample() {
    return ++this.sample;
  }
  /** The id of the edge from → to (to must be inlinable), created on first use. */
  id(from, to) {
    const cell = this.dense ? this.slotOf[to] * this.nodeCount + from : from * this.nodeCount + to;
    const known = this.dense ? this.dense[cell] : this.sparse.get(cell) ?? -1;
    if (known >= 0) return known;
    const e = this.count++;
    if (e === this.from.length) this.grow();
    if (this.dense) this.dense[cell] = e;
    else this.sparse.set(cell, e);
    this.from[e] = from;
    this.to[e] = to;
    this.allInline[e] = 1;
    this.seenIn[e] = 0;
    return e;
  }
  /** Ids of the edges inside each location: from each line into the line inlined in it. */
  intraLocationEdges(ln) {
    const out = new Int32Array(ln.nodes.length).fill(-1);
    for (let l = 0; l + 1 < ln.start.length; l++) {
      for (let k = ln.start[l]; k < ln.start[l + 1] - 1; k++) {
        const to = ln.nodes[k];
        const from = ln.nodes[k + 1];
        if (from !== to) out[k] = this.id(from, to);
      }
    }
    return out;
  }
  /** Counts edge e for the current sample (once per sample); any direct call makes it direct. */
  hit(e, w, inline) {
    if (this.seenIn[e] === this.sample) return;
    this.seenIn[e] = this.sample;
    this.weight[e] += w;
    if (!inline) this.allInline[e] = 0;
  }
  grow() {
    const n = this.from.length * 2;
    const grown = (a) => {
      const b = new a.constructor(n);
      b.set(a);
      return b;
    };
    this.from = grown(this.from);
    this.to = grown(this.to);
    this.weight = grown(this.weight);
    this.allInline = grown(this.allInline);
    this.seenIn = grown(this.seenIn);
  }
  /** pprof's marker per node, counting only edges whose |weight| reaches the cutoff. */
  markers(cutoff) {
    const inline = [];
    const direct = [];
    for (let e = 0; e < this.count; e++) {
      if (this.weight[e] === 0 && this.seenIn[e] === 0) continue;
      if (Math.abs(this.weight[e]) < cutoff) continue;
      const to = this.to[e];
      if (this.allInline[e]) inline[to] = true;
      else direct[to] = true;
    }
    const out = [];
    for (let i = 0; i < this.nodeCount; i++) {
      if (inline[i]) out[i] = direct[i] ? "partial-inline" : "inline";
    }
    return out;
  }
};

// src/analyze/profile-diff.ts
function checkComparable(base, head, baseName, headName) {
  const kinds = (p) => p.sampleTypes.map((t) => `${t.type}/${t.unit}`).join(", ");
  if (kinds(base) !== kinds(head)) {
    throw new FormatError(
      `${baseName} and ${headName} are different kinds of profile: ${baseName} has ${kinds(base)}, ${headName} has ${kinds(head)}`
    );
  }
}
function sums(p) {
  const { values, width, count } = p.samples;
  const out = new Array(width).fill(0);
  for (let i = 0; i < count; i++) for (let j = 0; j < width; j++) out[j] += values[i * width + j];
  return out;
}
var goRound = (x) => Math.sign(x) * Math.round(Math.abs(x));
function scaleProfile(p, ratios) {
  const { values, width } = p.samples;
  const scaled2 = new Float64Array(values.length);
  for (let k = 0; k < values.length; k++) {
    const r = ratios[k % width];
    scaled2[k] = r === 1 ? values[k] : goRound(values[k] * r);
  }
  return { ...p, samples: { ...p.samples, values: scaled2 } };
}
function diffFunctionTable(base, head, options) {
  let h = head;
  let b = base;
  if (options.normalize) {
    const bs = sums(base);
    const hs = sums(head);
    h = scaleProfile(
      head,
      bs.map((v, i) => hs[i] === 0 ? 0 : v / hs[i])
    );
  }
  if (options.perOp) {
    const { base: nb, head: nh } = options.perOp;
    if (!(nb > 0) || !(nh > 0))
      throw new FormatError("per-operation diffs need the operation count of both runs");
    h = scaleProfileExact(h, 1 / nh);
    b = scaleProfileExact(b, 1 / nb);
  }
  return functionTable([
    { profile: h, sampleIndex: options.sampleIndex },
    { profile: b, sampleIndex: options.sampleIndex, scale: -1, base: true }
  ]);
}
function scaleProfileExact(p, factor) {
  const values = p.samples.values.map((v) => v * factor);
  return { ...p, samples: { ...p.samples, values } };
}

// src/analyze/sample-index.ts
function resolveSampleIndex(profile, spec) {
  const types = profile.sampleTypes;
  if (spec === void 0 || spec === "") return profile.defaultSampleIndex;
  if (/^\d+$/.test(spec)) {
    const i2 = Number(spec);
    if (i2 >= types.length) {
      throw new FormatError(
        `sample index ${spec} is outside the range [0..${types.length - 1}] of this profile's sample types`
      );
    }
    return i2;
  }
  const noInuse = spec.startsWith("inuse_") ? spec.slice("inuse_".length) : spec;
  const i = types.findIndex((t) => t.type === spec || t.type === noInuse);
  if (i < 0) {
    throw new FormatError(
      `sample index "${spec}" is not a sample type of this profile (it has: ${types.map((t) => t.type).join(", ")})`
    );
  }
  return i;
}

// src/cli/both.ts
async function both(a, b) {
  const [ra, rb] = await Promise.allSettled([a, b]);
  if (ra.status === "rejected") throw ra.reason;
  if (rb.status === "rejected") throw rb.reason;
  return [ra.value, rb.value];
}

// src/units/pprof-units.ts
var memoryUnits = [
  { name: "B", aliases: ["b", "byte"], factor: 1 },
  { name: "kB", aliases: ["kb", "kbyte", "kilobyte"], factor: 2 ** 10 },
  { name: "MB", aliases: ["mb", "mbyte", "megabyte"], factor: 2 ** 20 },
  { name: "GB", aliases: ["gb", "gbyte", "gigabyte"], factor: 2 ** 30 },
  { name: "TB", aliases: ["tb", "tbyte", "terabyte"], factor: 2 ** 40 },
  { name: "PB", aliases: ["pb", "pbyte", "petabyte"], factor: 2 ** 50 }
];
var timeUnits = [
  { name: "ns", aliases: ["ns", "nanosecond"], factor: 1 },
  { name: "us", aliases: ["μs", "us", "microsecond"], factor: 1e3 },
  { name: "ms", aliases: ["ms", "millisecond"], factor: 1e6 },
  { name: "s", aliases: ["s", "sec", "second"], factor: 1e9 },
  { name: "hrs", aliases: ["hour", "hr"], factor: 36e11 }
];
var unitTypes = [
  { units: memoryUnits, fallback: "B" },
  { units: timeUnits, fallback: "s" }
];
function findUnit(units, name) {
  let n = name.toLowerCase();
  if (n.length > 2 && n.endsWith("s")) n = n.slice(0, -1);
  return units.find((u) => u.aliases.includes(n));
}
function scaleValue(value, fromUnit, toUnit = "minimum") {
  if (value < 0) {
    const [v, u] = scaleValue(-value, fromUnit, toUnit);
    return [-v, u];
  }
  for (const { units, fallback } of unitTypes) {
    const from = findUnit(units, fromUnit);
    if (!from) continue;
    const base = value * from.factor;
    let to;
    if (toUnit === "minimum" || toUnit === "auto") {
      for (const u of units) if (base / u.factor >= 1) to = u;
    } else {
      to = findUnit(units, toUnit);
    }
    to ??= units.find((u) => u.name === fallback);
    return [base / to.factor, to.name];
  }
  if (["count", "sample", "unit", "minimum", "auto"].includes(toUnit)) return [value, ""];
  return [value, toUnit];
}
function scaledLabel(value, fromUnit, toUnit = "minimum") {
  const [v, u] = scaleValue(value, fromUnit, toUnit);
  let s = formatFixed(v, 2);
  if (s.endsWith(".00")) s = s.slice(0, -3);
  if (s === "0" || s === "-0") return "0";
  return s + u;
}
function percentage(value, total) {
  const ratio = total !== 0 ? Math.abs(value / total) * 100 : 0;
  if (ratio >= 99.95 && ratio <= 100.05) return "  100%";
  if (ratio >= 1) return `${formatFixed(ratio, 2).padStart(5)}%`;
  return `${formatGeneral(ratio, 2).padStart(5)}%`;
}

// src/render/top-markdown.ts
function renderTopMarkdown(report) {
  const { sampleType, total } = report;
  const value = (v) => scaledLabel(v, sampleType.unit, report.displayUnit);
  const rows = report.rows.map((r) => [
    value(r.flat),
    percentage(r.flat, total).trim(),
    percentage(r.sumFlat, total).trim(),
    value(r.cum),
    percentage(r.cum, total).trim(),
    codeCell(r.name) + (r.inline ? ` (${r.inline})` : "")
  ]);
  const shown2 = report.rows.length < report.functionCount ? `, top ${report.rows.length} of ${report.functionCount} functions` : "";
  const heading = `**${escapeMarkdown(report.source)}** · ${escapeMarkdown(sampleType.type)} · total ${value(total)}${shown2}`;
  return `${heading}

${table(["flat", "flat%", "sum%", "cum", "cum%", "function"], rows, [
    "r",
    "r",
    "r",
    "r",
    "r",
    "l"
  ])}
`;
}

// src/render/top-text.ts
function topHeaderLines(report) {
  const { header, sampleType, total } = report;
  const value = (v) => scaledLabel(v, sampleType.unit, report.displayUnit);
  const lines = [];
  if (header.file) lines.push(`File: ${header.file}`);
  if (header.buildId) lines.push(`Build ID: ${header.buildId}`);
  lines.push(...header.comments);
  lines.push(`Type: ${sampleType.type}`);
  if (header.docUrl) lines.push(`Doc: ${header.docUrl}`);
  if (header.timeNanos) lines.push(`Time: ${utcTime(header.timeNanos)}`);
  if (header.durationNanos) {
    const [ns, unit] = scaleValue(total, sampleType.unit, "nanoseconds");
    const ratio = unit === "ns" && ns !== 0 ? `(${percentage(ns, header.durationNanos)})` : "";
    lines.push(
      `Duration: ${scaledLabel(header.durationNanos, "nanoseconds", "auto")}, Total samples = ${value(total)} ${ratio}`
    );
  }
  lines.push(
    `Showing nodes accounting for ${value(report.shownFlat)}, ${percentage(report.shownFlat, total).trim()} of ${value(total)} total`
  );
  if (report.rows.length < report.functionCount) {
    lines.push(`Showing top ${report.rows.length} nodes out of ${report.functionCount}`);
  }
  return lines;
}
function renderTopText(report) {
  const { sampleType, total } = report;
  const value = (v) => scaledLabel(v, sampleType.unit, report.displayUnit);
  const out = topHeaderLines(report);
  out.push(
    `${padLeft("flat", 10)} ${padLeft("flat", 5)}% ${padLeft("sum", 5)}% ${padLeft("cum", 10)} ${padLeft("cum", 5)}%`
  );
  for (const row of report.rows) {
    const marker = row.inline ? ` (${row.inline})` : "";
    out.push(
      `${padLeft(value(row.flat), 10)} ${percentage(row.flat, total)} ${percentage(row.sumFlat, total)} ${padLeft(value(row.cum), 10)} ${percentage(row.cum, total)}  ${row.name}${marker}`
    );
  }
  return `${out.join("\n")}
`;
}
function utcTime(nanos) {
  return `${new Date(Math.floor(nanos / 1e6)).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

// src/report/top-report.ts
function mergedTimes(profiles) {
  let timeNanos = 0;
  let durationNanos = 0;
  for (const p of profiles) {
    if (timeNanos === 0 || p.timeNanos < timeNanos) timeNanos = p.timeNanos;
    durationNanos += p.durationNanos;
  }
  return { timeNanos, durationNanos };
}
function topReport(profile, table2, options) {
  const sampleType = profile.sampleTypes[options.sampleIndex];
  const limit = options.nodeCount && options.nodeCount > 0 ? options.nodeCount : Infinity;
  const shown2 = table2.functions.slice(0, limit);
  let sum = 0;
  const rows = shown2.map((f) => {
    sum += f.flat;
    return { ...f, sumFlat: sum };
  });
  const mapping = profile.mappings[0];
  const { timeNanos, durationNanos } = options.merged ? mergedTimes(options.merged) : { timeNanos: profile.timeNanos, durationNanos: profile.durationNanos };
  return {
    source: options.source,
    sampleType,
    displayUnit: displayUnit(rows, table2.total, sampleType.unit),
    total: table2.total,
    shownFlat: sum,
    rows,
    functionCount: table2.functions.length,
    header: {
      ...mapping?.filename ? { file: mapping.filename.split("/").pop() } : {},
      ...mapping?.buildId ? { buildId: mapping.buildId } : {},
      comments: profile.comments.filter((c) => !c.startsWith("#")),
      ...profile.docUrl ? { docUrl: profile.docUrl } : {},
      ...timeNanos ? { timeNanos } : {},
      ...durationNanos ? { durationNanos } : {}
    }
  };
}
function displayUnit(rows, total, sampleUnit) {
  let min = Infinity;
  for (const r of rows) {
    const v = r.flat !== 0 ? Math.abs(r.flat) : Math.abs(r.cum);
    if (v !== 0 && v < min) min = v;
  }
  if (min === Infinity) min = total;
  const [, minUnit] = scaleValue(min, sampleUnit);
  const [, maxUnit] = scaleValue(total, sampleUnit);
  let unit = minUnit;
  if (minUnit !== maxUnit && min * 100 < total) [, unit] = scaleValue(100 * min, sampleUnit);
  return unit === "" ? sampleUnit : unit;
}

// src/cli/commands/diff.ts
var diffUsage = `Usage: perfgate diff <base profile> <head profile> [options]

Lists per function what changed from base to head, with the numbers and layout of
\`go tool pprof -top -diff_base=base head\`: head minus base, percentages of the base's total.

Options:
  --sample-index NAME   sample type (cpu, alloc_space, inuse_space, delay, ...); default: the profile's default
  --normalize           scale head to the base's total first (pprof's -normalize)
  --per-op BASE,HEAD    divide each side by its operations (b.N of the benchmark runs that
                        wrote the profiles), so a longer head run does not look like a regression
  --nodecount N         show at most N functions
  --format FORMAT       text (default), markdown or json
`;
async function load(file, read = readPprof) {
  const bytes2 = await readInputFile(file);
  try {
    return await read(bytes2, { maxDecompressedBytes: DEFAULT_MAX_DECOMPRESSED_BYTES });
  } catch (err) {
    throw withSource(file, err);
  }
}
async function runDiff(argv, io) {
  const { values, positionals } = parseCommandArgs("diff", argv, {
    "sample-index": { type: "string" },
    normalize: { type: "boolean" },
    "per-op": { type: "string" },
    nodecount: { type: "string" },
    format: { type: "string" }
  });
  if (positionals.length !== 2) {
    throw new UserError(
      `perfgate diff: expected two profiles (base and head), got ${positionals.length}

${diffUsage}`
    );
  }
  const [baseFile, headFile] = positionals;
  const format = readFormat(values.format, ["text", "markdown", "json"]);
  const nodeCount = values.nodecount === void 0 ? 0 : readInteger("--nodecount", values.nodecount, 1);
  const [base, head] = await both(load(baseFile, readPprofOffThread), load(headFile));
  try {
    checkComparable(base, head, baseFile, headFile);
  } catch (err) {
    if (err instanceof FormatError) throw new UserError(err.message);
    throw err;
  }
  let sampleIndex2;
  try {
    sampleIndex2 = resolveSampleIndex(head, values["sample-index"]);
  } catch (err) {
    throw withSource(headFile, err);
  }
  let perOp;
  if (values["per-op"] !== void 0) {
    const m = /^\s*(\d+)\s*,\s*(\d+)\s*$/.exec(values["per-op"]);
    if (!m || Number(m[1]) === 0 || Number(m[2]) === 0) {
      throw new UserError(
        `perfgate diff: --per-op: ${JSON.stringify(values["per-op"])} is not two operation counts (e.g. "120000,95000")`
      );
    }
    perOp = { base: Number(m[1]), head: Number(m[2]) };
  }
  const table2 = diffFunctionTable(base, head, {
    sampleIndex: sampleIndex2,
    normalize: values.normalize === true,
    ...perOp ? { perOp } : {}
  });
  const report = topReport(head, table2, {
    source: `${baseFile} → ${headFile}`,
    sampleIndex: sampleIndex2,
    nodeCount,
    merged: [base, head]
  });
  printAs(io, format, report, {
    text: () => renderTopText(report),
    markdown: () => renderTopMarkdown(report)
  });
  return 0;
}

// src/cli/commands/hotspots.ts
var hotspotsUsage = `Usage: perfgate hotspots <profile>... [--base <profile>]... [options]

Finds allocation hotspots in cpu and allocs/heap profiles: sites in your code that allocate or
grow memory (append into unsized slices, string +=, maps without size hints, ...), with the
kind of allocation and advice. With --base, new and grown hotspots come first.

Options:
  --base PROFILE    a base profile (repeat for cpu and allocs)
  --source DIR      where the Go sources are (default: the current directory), to read the lines
  --format FORMAT   text (default), markdown or json
  --tests           keep sites in _test.go files (benchmark set-up and loops; left out by default)
`;
async function classify(files2, read = readPprof) {
  const out = {};
  for (const file of files2) {
    let p;
    try {
      p = await read(await readInputFile(file));
    } catch (err) {
      throw withSource(file, err);
    }
    const types = p.sampleTypes.map((t) => t.type);
    if (types.includes("cpu")) out.cpu = p;
    else if (types.includes("alloc_space")) out.allocs = p;
    else {
      throw new UserError(
        `${file}: not a cpu or allocs/heap profile (sample types: ${types.join(", ")})`
      );
    }
  }
  return out;
}
async function runHotspots(argv, io) {
  const { values, positionals } = parseCommandArgs("hotspots", argv, {
    base: { type: "string", multiple: true },
    source: { type: "string" },
    format: { type: "string" },
    tests: { type: "boolean" }
  });
  if (positionals.length === 0)
    throw new UserError(`perfgate hotspots: no profile given

${hotspotsUsage}`);
  const format = readFormat(values.format, ["text", "markdown", "json"]);
  const baseFiles = values.base ?? [];
  const [head, base] = await both(
    classify(positionals),
    baseFiles.length > 0 ? classify(baseFiles, readPprofOffThread) : Promise.resolve(void 0)
  );
  const hotspots2 = findHotspots(head, base, {
    source: sourceLookup([values.source ?? "."]),
    ...values.tests === true ? { includeTests: true } : {}
  });
  printAs(io, format, hotspots2, {
    text: () => renderHotspotsText(hotspots2),
    markdown: () => renderHotspotsMarkdown(hotspots2)
  });
  return 0;
}

// src/cli/commands/leaks.ts
var leaksUsage = `Usage: perfgate leaks [<before>] <after> [options]

Compares two goroutine dumps (pprof goroutine profiles, or debug=1 / debug=2 text from
/debug/pprof/goroutine) and warns about groups of goroutines that grew, grouped by where they
were started and where they wait. With one dump, warns about many goroutines parked at one site.
Exit code 1 when there is a warning.

Options:
  --min-growth N     a group must grow by at least N goroutines (default 10)
  --min-ratio R      ...and to at least R times its count before (default 2)
  --parked N         with one dump: N goroutines at one site (default 100)
  --ignore GLOBS     function globs of long-lived goroutines to ignore (comma-separated),
                     added to the defaults (testing.*, os/signal.*, runtime/pprof.*, ...)
  --format FORMAT    text (default) or json
`;
async function load2(file) {
  try {
    return parseGoroutines(await readInputFile(file), file);
  } catch (err) {
    throw withSource(file, err);
  }
}
async function runLeaks(argv, io) {
  const { values, positionals } = parseCommandArgs("leaks", argv, {
    "min-growth": { type: "string" },
    "min-ratio": { type: "string" },
    parked: { type: "string" },
    ignore: { type: "string" },
    format: { type: "string" }
  });
  if (positionals.length < 1 || positionals.length > 2) {
    throw new UserError(
      `perfgate leaks: expected one or two goroutine dumps, got ${positionals.length}

${leaksUsage}`
    );
  }
  const format = readFormat(values.format, ["text", "json"]);
  const options = {
    minGrowth: values["min-growth"] === void 0 ? defaultLeakOptions.minGrowth : readInteger("--min-growth", values["min-growth"], 1),
    minRatio: values["min-ratio"] === void 0 ? defaultLeakOptions.minRatio : Number(values["min-ratio"]),
    parkedThreshold: values.parked === void 0 ? defaultLeakOptions.parkedThreshold : readInteger("--parked", values.parked, 1),
    ignore: [
      ...defaultLeakOptions.ignore,
      ...(values.ignore ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "")
    ]
  };
  if (!(options.minRatio >= 1))
    throw new UserError(
      `perfgate leaks: --min-ratio: ${JSON.stringify(values["min-ratio"])} is not a number of at least 1`
    );
  const after = await load2(positionals[positionals.length - 1]);
  const before = positionals.length === 2 ? await load2(positionals[0]) : void 0;
  for (const w of [...before?.warnings ?? [], ...after.warnings]) io.stderr(`warning: ${w}
`);
  const mixed = mixedFormsNote(after, before);
  if (mixed) io.stderr(`note: ${mixed}
`);
  const leaks2 = findLeaks(after, before, options);
  if (format === "json") {
    io.stdout(`${JSON.stringify(leaks2, null, 2)}
`);
  } else if (leaks2.length === 0) {
    io.stdout(
      `No goroutine leaks: ${before ? `${before.total} → ` : ""}${after.total} goroutines.
`
    );
  } else {
    for (const w of leaks2) {
      io.stdout(`${leakHeadline(w, plainWriters)}
  fix: ${w.advice}
`);
      for (const f of w.stack) io.stdout(`    ${f.fn}
        ${f.file}:${f.line}
`);
    }
  }
  return leaks2.length > 0 ? 1 : 0;
}

// src/collect/shard-folder.ts
import { readFile as readFile4, stat as stat2 } from "node:fs/promises";
import path9 from "node:path";
var SHARD_MANIFEST = "perfgate-shard.json";
var MAX_MANIFEST_BYTES = 1024 * 1024;
var MAX_FILES = 1e3;
var isText = (x, max = 500) => typeof x === "string" && x.length <= max;
function isInside2(x) {
  if (!isText(x, 255) || x === "") return false;
  if (/[\u0000-\u001f\u007f\\:]/.test(x) || x.startsWith("/")) return false;
  const parts = x.split("/");
  return parts.length <= 6 && parts.every((p) => p !== "" && p !== "." && p !== "..");
}
function files(x) {
  return Array.isArray(x) && x.length <= MAX_FILES && x.every(isInside2) ? x : void 0;
}
function side(x) {
  const o = typeof x === "object" && x !== null ? x : {};
  const benchFiles = files(o.benchFiles);
  const profiles = files(o.profiles ?? []);
  return benchFiles && profiles ? { benchFiles, profiles } : void 0;
}
function checkShardManifest(m) {
  if (typeof m !== "object" || m === null || Array.isArray(m)) return "it is not an object";
  const o = m;
  if (o.tool !== "perfgate" || o.schema !== 1)
    return `it has schema ${JSON.stringify(o.schema)?.slice(0, 20)}, this perfgate reads schema 1`;
  const bad3 = [];
  if (!isText(o.key)) bad3.push("key");
  if (!isText(o.shard) || !SHARD_NAME.test(o.shard)) bad3.push("shard");
  const head = side(o.head);
  if (!head) bad3.push("head");
  const base = o.base === void 0 || o.base === null ? void 0 : side(o.base);
  if (o.base !== void 0 && o.base !== null && !base) bad3.push("base");
  const b = typeof o.baseline === "object" && o.baseline !== null ? o.baseline : void 0;
  const opt = (x, max = 500) => isText(x, max) ? x : void 0;
  if (b && (!["artifact", "rerun", "path", "files"].includes(b.source) || !isText(b.commit)))
    bad3.push("baseline");
  if (bad3.length > 0) return `its ${bad3.join(", ")} ${bad3.length === 1 ? "is" : "are"} unusable`;
  return {
    schema: 1,
    tool: "perfgate",
    key: o.key,
    shard: o.shard,
    head,
    base,
    baseline: b && {
      source: b.source,
      commit: b.commit,
      branch: opt(b.branch),
      createdAt: opt(b.createdAt),
      runUrl: opt(b.runUrl, 2e3)
    }
  };
}
async function readShardFolder(dir) {
  const where2 = path9.join(dir, SHARD_MANIFEST);
  const info = await stat2(where2).catch(() => void 0);
  if (!info?.isFile())
    throw new UserError(`${dir}: not a shard's results (no ${SHARD_MANIFEST} in it)`);
  if (info.size > MAX_MANIFEST_BYTES)
    throw new UserError(`${where2}: ${info.size} bytes, more than a shard manifest holds`);
  let json;
  try {
    json = JSON.parse(await readFile4(where2, "utf8"));
  } catch {
    throw new UserError(`${where2}: not JSON`);
  }
  const manifest = checkShardManifest(json);
  if (typeof manifest === "string") throw new UserError(`${where2}: ${manifest}`);
  return {
    manifest,
    head: await readBenchSide(dir, manifest.head.benchFiles, "head"),
    base: manifest.base ? await readBenchSide(dir, manifest.base.benchFiles, "base") : void 0
  };
}

// src/cli/commands/merge.ts
var mergeUsage = `Usage: perfgate merge <shard-dir>... [options]

Merges the results of the legs of a parallel run (each a folder holding perfgate-shard.json, as
the action's legs with \`shard:\` upload them) and judges them as one run: one correction over
every comparison, each benchmark keyed by its shard too. Prints the comment (markdown) or the
report (json). Exits 1 when the verdict is fail or incomplete (a leg missing or failed), 2 when
nothing could be compared.

Options:
  --shards a,b,c          the legs to expect: one not given is named in the verdict (incomplete)
  --missing-shards MODE   fail (default) or warn: whether an incomplete run exits 1
  --format FORMAT         markdown (default) or json
  --key KEY               the baseline key named in the comment's marker (default: "default")
  --timings               let timings fail the gate (default: only when every leg reran its base)
  plus the gate's options: --max-regression, --alpha, --correction, --test
`;
async function runMerge(argv, io) {
  const { values, positionals } = parseCommandArgs("merge", argv, {
    shards: { type: "string" },
    "missing-shards": { type: "string" },
    format: { type: "string" },
    key: { type: "string" },
    timings: { type: "boolean" },
    ...gateFlags
  });
  if (positionals.length === 0)
    throw new UserError(`perfgate merge: expected one or more shard folders

${mergeUsage}`);
  const format = readFormat(values.format, ["markdown", "json"]);
  const missingShards = readChoice("--missing-shards", values["missing-shards"] ?? "fail", [
    "fail",
    "warn"
  ]);
  const expected = (values.shards ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  for (const s of expected)
    if (!SHARD_NAME.test(s))
      throw new UserError(`--shards: ${JSON.stringify(s)} is not a shard name (e.g. "linux")`);
  const parts = [];
  for (const dir of positionals) {
    const { manifest, head, base } = await readShardFolder(dir);
    if (parts.some((p) => p.name === manifest.shard))
      throw new UserError(`${dir}: shard ${manifest.shard} is given twice`);
    parts.push({ name: manifest.shard, head, base, baseline: manifest.baseline });
  }
  const { report } = buildMergedReport({
    key: values.key ?? "default",
    headCommit: "",
    parts,
    expected,
    unreadable: [],
    gate: readGateOptions(values),
    gateTimings: values.timings === true ? true : void 0,
    headProfiles: 0,
    missingBaseline: "pass",
    links: { run: void 0, summary: void 0 },
    generatedAt: (/* @__PURE__ */ new Date()).toISOString()
  });
  printAs(io, format, report, { markdown: () => `${renderComment(report)}
` });
  if (report.verdict === "incomplete" && missingShards === "warn") {
    io.stderr(`perfgate merge: ${report.reason}
`);
    return 0;
  }
  return gateExitCode({ verdict: report.verdict, cause: report.reason }, io, "merge");
}

// src/cli/commands/report.ts
import { writeFile as writeFile3 } from "node:fs/promises";

// src/analyze/function-totals.ts
function functionTotals2(p, sampleIndices) {
  const view = profileView(p);
  const { lineStart, lineName } = view;
  const T = sampleIndices.length;
  const n = view.names.length;
  const flat = new Float64Array(n * T);
  const cum = new Float64Array(n * T);
  const total = new Array(T).fill(0);
  const seen = new Int32Array(n).fill(-1);
  const w = new Float64Array(T);
  const nLoc = lineStart.length - 1;
  const single = new Int32Array(nLoc);
  for (let l = 0; l < nLoc; l++) {
    const lines = lineStart[l + 1] - lineStart[l];
    single[l] = lines === 1 ? lineName[lineStart[l]] : lines === 0 ? -1 : -2;
  }
  const { values, width, stackStart, stack, count } = p.samples;
  for (let i = 0; i < count; i++) {
    let any = false;
    for (let t = 0; t < T; t++) {
      const v = values[i * width + sampleIndices[t]];
      w[t] = v;
      total[t] += Math.abs(v);
      if (v !== 0) any = true;
    }
    if (!any) continue;
    const w0 = w[0];
    const w1 = T > 1 ? w[1] : 0;
    let leaf = -1;
    for (let j = stackStart[i]; j < stackStart[i + 1]; j++) {
      const loc = stack[j];
      const one = single[loc];
      if (one >= 0) {
        if (leaf < 0) leaf = one;
        if (seen[one] === i) continue;
        seen[one] = i;
        if (T <= 2) {
          cum[one * T] += w0;
          if (T === 2) cum[one * T + 1] += w1;
        } else for (let t = 0; t < T; t++) cum[one * T + t] += w[t];
        continue;
      }
      for (let k = lineStart[loc]; k < lineStart[loc + 1]; k++) {
        const fn = lineName[k];
        if (leaf < 0) leaf = fn;
        if (seen[fn] === i) continue;
        seen[fn] = i;
        for (let t = 0; t < T; t++) cum[fn * T + t] += w[t];
      }
    }
    if (leaf >= 0) for (let t = 0; t < T; t++) flat[leaf * T + t] += w[t];
  }
  const fns = new Array(n);
  for (let k = 0; k < lineName.length; k++) fns[lineName[k]] ??= view.lineFn[k];
  return { names: view.names, fns, types: T, flat, cum, total };
}

// src/report/flame-kept.ts
var ChildTable = class {
  size = 1 << 12;
  slots = new Int32Array(this.size * 4);
  now = 1;
  used = 0;
  /** Forgets every entry (in constant time). */
  clear() {
    this.now++;
    this.used = 0;
  }
  /** The frame of (at, name), or -1. */
  find(at2, name) {
    const mask = this.size - 1;
    const slots = this.slots;
    let h = (Math.imul(at2, 2654435761) ^ Math.imul(name, 2246822519)) & mask;
    while (slots[h * 4 + 3] === this.now) {
      if (slots[h * 4] === at2 && slots[h * 4 + 1] === name) return slots[h * 4 + 2];
      h = h + 1 & mask;
    }
    return -1;
  }
  /** Stores the frame of (at, name), which is not in the table. */
  add(at2, name, frame) {
    if (2 * (this.used + 1) > this.size) this.grow();
    const mask = this.size - 1;
    const slots = this.slots;
    let h = (Math.imul(at2, 2654435761) ^ Math.imul(name, 2246822519)) & mask;
    while (slots[h * 4 + 3] === this.now) h = h + 1 & mask;
    slots[h * 4] = at2;
    slots[h * 4 + 1] = name;
    slots[h * 4 + 2] = frame;
    slots[h * 4 + 3] = this.now;
    this.used++;
  }
  grow() {
    const { slots, now } = this;
    this.size *= 2;
    this.slots = new Int32Array(this.size * 4);
    this.now = 1;
    this.used = 0;
    for (let h = 0; h < slots.length; h += 4) {
      if (slots[h + 3] === now) this.add(slots[h], slots[h + 1], slots[h + 2]);
    }
  }
};
var WindowTable = class {
  size = 1 << 12;
  slots = new Int32Array(this.size * 2);
  pool = new Int32Array(1 << 16);
  end = 0;
  now = 1;
  used = 0;
  /** Forgets every entry. */
  clear() {
    this.now++;
    this.used = 0;
    this.end = 0;
  }
  /** The path frame of the window, or -1. */
  find(hash, side2, from, steps, depth) {
    const mask = this.size - 1;
    const { slots, pool } = this;
    for (let h = hash & mask; slots[h * 2 + 1] === this.now; h = h + 1 & mask) {
      const o = slots[h * 2];
      if (pool[o] !== hash || pool[o + 1] !== side2 || pool[o + 2] !== from || pool[o + 3] !== depth)
        continue;
      let d = 0;
      while (d < depth && pool[o + 4 + d] === steps[d]) d++;
      if (d === depth) return pool[o + 4 + depth];
    }
    return -1;
  }
  /** Stores the path frame of a window that is not in the table. */
  add(hash, side2, from, steps, depth, at2) {
    if (2 * (this.used + 1) > this.size) this.grow();
    if (this.end + depth + 5 > this.pool.length) {
      const next = new Int32Array(this.pool.length * 2);
      next.set(this.pool);
      this.pool = next;
    }
    const o = this.end;
    const pool = this.pool;
    pool[o] = hash;
    pool[o + 1] = side2;
    pool[o + 2] = from;
    pool[o + 3] = depth;
    for (let d = 0; d < depth; d++) pool[o + 4 + d] = steps[d];
    pool[o + 4 + depth] = at2;
    this.end += depth + 5;
    this.place(hash, o);
  }
  place(hash, o) {
    const mask = this.size - 1;
    const slots = this.slots;
    let h = hash & mask;
    while (slots[h * 2 + 1] === this.now) h = h + 1 & mask;
    slots[h * 2] = o;
    slots[h * 2 + 1] = this.now;
    this.used++;
  }
  grow() {
    const { slots, now } = this;
    this.size *= 2;
    this.slots = new Int32Array(this.size * 2);
    this.now = 1;
    this.used = 0;
    for (let h = 0; h < slots.length; h += 2) {
      if (slots[h + 1] === now) this.place(this.pool[slots[h]], slots[h]);
    }
  }
};
var WINDOW = 8;
var Column = class {
  constructor(data) {
    this.data = data;
  }
  data;
  length = 0;
  push(v) {
    if (this.length === this.data.length) {
      const next = new this.data.constructor(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length] = v;
    return this.length++;
  }
};
function buildKept(sides, min, totals) {
  const T = min.length;
  const kept = {
    types: T,
    name: [-1],
    side: [-1],
    line: [-1],
    head: [...totals[0]],
    base: [...totals[1]],
    children: [[]],
    smallHead: new Array(T).fill(0),
    smallBase: new Array(T).fill(0)
  };
  let n = 0;
  for (const s of sides) n += s.count;
  const side2 = new Uint8Array(n);
  const sample = new Int32Array(n);
  const node = new Int32Array(n);
  const pos = new Int32Array(n);
  const line = new Int32Array(n);
  const last = new Int32Array(n);
  let active = 0;
  sides.forEach((s, si) => {
    const { values, width, count, stackStart } = s;
    for (let i = 0; i < count; i++) {
      let any = false;
      for (const x of s.sampleIndex) if (x >= 0 && values[i * width + x] !== 0) any = true;
      if (!any) continue;
      side2[active] = si;
      sample[active] = i;
      node[active] = 0;
      pos[active] = stackStart[i + 1];
      line[active] = -1;
      active++;
    }
  });
  const table2 = new ChildTable();
  const windows = new WindowTable();
  const steps = new Int32Array(WINDOW);
  while (active > 0) {
    table2.clear();
    windows.clear();
    const wParent = new Column(new Int32Array(1024));
    const wName = new Column(new Int32Array(1024));
    const wLine = new Column(new Int32Array(1024));
    const wSide = new Column(new Int32Array(1024));
    const wHead = new Column(new Float64Array(1024 * T));
    const wBase = new Column(new Float64Array(1024 * T));
    let alive = 0;
    let sd = 0;
    let s = sides[0];
    let { stackStart, stack, values, width, lineName, nameOf, lineSpan, sampleIndex: sampleIndex2 } = s;
    let into = wHead;
    for (let a = 0; a < active; a++) {
      if (side2[a] !== sd) {
        sd = side2[a];
        s = sides[sd];
        ({ stackStart, stack, values, width, lineName, nameOf, lineSpan, sampleIndex: sampleIndex2 } = s);
        into = sd === 0 ? wHead : wBase;
      }
      const i = sample[a];
      const first = stackStart[i];
      const from = node[a];
      let k = line[a];
      let j = pos[a];
      let kFirst = k >= 0 ? lineSpan[2 * stack[j] + 1] : 2147483647;
      let depth = 0;
      let h = Math.imul(from ^ sd << 24, 2654435761);
      for (; depth < WINDOW; depth++) {
        if (k > kFirst) k--;
        else {
          k = -1;
          for (j--; j >= first; j--) {
            const loc = stack[j];
            const last2 = lineSpan[2 * loc];
            if (last2 >= 0) {
              k = last2;
              kFirst = lineSpan[2 * loc + 1];
              break;
            }
          }
        }
        if (k < 0) break;
        steps[depth] = k;
        h = Math.imul(h ^ k, 2246822519) ^ h >>> 15;
      }
      let at2 = depth === 0 ? -1 - from : windows.find(h, sd, from, steps, depth);
      if (at2 === -1 && depth > 0) {
        at2 = -1 - from;
        for (let d = 0; d < depth; d++) {
          const kd = steps[d];
          const nm = nameOf[lineName[kd]];
          let c = table2.find(at2, nm);
          if (c < 0) {
            c = wParent.push(at2);
            table2.add(at2, nm, c);
            wName.push(nm);
            wLine.push(kd);
            wSide.push(sd);
            for (let t = 0; t < T; t++) {
              wHead.push(0);
              wBase.push(0);
            }
          }
          at2 = c;
        }
        windows.add(h, sd, from, steps, depth, at2);
      }
      if (at2 >= 0) {
        const data = into.data;
        for (let t = 0; t < T; t++) {
          const x = sampleIndex2[t];
          if (x >= 0) data[at2 * T + t] += values[i * width + x];
        }
      }
      if (depth < WINDOW) continue;
      side2[alive] = sd;
      sample[alive] = i;
      pos[alive] = j;
      line[alive] = k;
      last[alive] = at2;
      alive++;
    }
    for (let c = wParent.length - 1; c >= 0; c--) {
      const up = wParent.data[c];
      if (up < 0) continue;
      for (let t = 0; t < T; t++) {
        wHead.data[up * T + t] += wHead.data[c * T + t];
        wBase.data[up * T + t] += wBase.data[c * T + t];
      }
    }
    const keptOf = new Int32Array(wParent.length);
    for (let c = 0; c < wParent.length; c++) {
      const up = wParent.data[c];
      const p = up < 0 ? -1 - up : keptOf[up];
      keptOf[c] = -1;
      if (p < 0) continue;
      let big = false;
      for (let t = 0; t < T; t++) {
        const v = Math.max(Math.abs(wHead.data[c * T + t]), Math.abs(wBase.data[c * T + t]));
        if (v > 0 && v >= min[t]) big = true;
      }
      if (big) {
        const id = kept.name.length;
        keptOf[c] = id;
        kept.name.push(wName.data[c]);
        kept.side.push(wSide.data[c]);
        kept.line.push(wLine.data[c]);
        kept.children.push([]);
        for (let t = 0; t < T; t++) {
          kept.head.push(wHead.data[c * T + t]);
          kept.base.push(wBase.data[c * T + t]);
          kept.smallHead.push(0);
          kept.smallBase.push(0);
        }
        kept.children[p].push(id);
      } else {
        for (let t = 0; t < T; t++) {
          kept.smallHead[p * T + t] += wHead.data[c * T + t];
          kept.smallBase[p * T + t] += wBase.data[c * T + t];
        }
      }
    }
    active = 0;
    for (let a = 0; a < alive; a++) {
      const id = keptOf[last[a]];
      if (id < 0) continue;
      side2[active] = side2[a];
      sample[active] = sample[a];
      node[active] = id;
      pos[active] = pos[a];
      line[active] = line[a];
      active++;
    }
  }
  return kept;
}

// src/report/flame-thread.ts
var OFF_THREAD_MIN_FRAMES = 2e6;
var flameWorkerScript = () => threadScript("flame-worker.js");
var isShared = (a) => a.buffer instanceof SharedArrayBuffer;
async function keptOffThread(sides, min, totals, minFrames = OFF_THREAD_MIN_FRAMES) {
  let frames = 0;
  for (const s of sides) frames += s.stackStart[s.count] ?? 0;
  const shared = sides.every((s) => isShared(s.stack) && isShared(s.values));
  const script = frames >= minFrames && shared ? flameWorkerScript() : void 0;
  if (!script) return buildKept(sides, min, totals);
  const reply = await keptOnThread(script, { sides, min, totals });
  return "kept" in reply ? reply.kept : buildKept(sides, min, totals);
}
var keptOnThread = (script, request) => runOnThread(script, request);

// src/report/flame.ts
var FlameNames = class {
  ids = /* @__PURE__ */ new Map();
  names = [];
  /** Per function id of a view: the pair's name id. */
  of(view) {
    const out = new Int32Array(view.names.length);
    view.names.forEach((n, i) => {
      const name = n || "<unknown>";
      let id = this.ids.get(name);
      if (id === void 0) {
        id = this.names.length;
        this.ids.set(name, id);
        this.names.push(name);
      }
      out[i] = id;
    });
    return out;
  }
};
function finish(kept, sides, names, t, min) {
  const T = kept.types;
  const node = (c) => {
    let smallHead = kept.smallHead[c * T + t];
    let smallBase = kept.smallBase[c * T + t];
    const big = [];
    for (const k of kept.children[c]) {
      const h = kept.head[k * T + t];
      const b = kept.base[k * T + t];
      const v = Math.max(Math.abs(h), Math.abs(b));
      if (v > 0 && v >= min) big.push(node(k));
      else {
        smallHead += h;
        smallBase += b;
      }
    }
    big.sort((x, y) => y.head - x.head || x.name.localeCompare(y.name));
    if (smallHead !== 0 || smallBase !== 0) {
      big.push({
        name: "small frames",
        file: "",
        line: 0,
        head: smallHead,
        base: smallBase,
        small: true,
        children: []
      });
    }
    const fn = c === 0 ? void 0 : sides[kept.side[c]].view.lineFn[kept.line[c]];
    return {
      name: c === 0 ? "root" : names[kept.name[c]],
      file: fn?.filename ?? "",
      line: fn?.startLine ?? 0,
      head: kept.head[c * T + t],
      base: kept.base[c * T + t],
      children: big
    };
  };
  return node(0);
}
function totalsOf2(p, sampleIndex2) {
  const { values, width, count } = p.samples;
  return sampleIndex2.map((x) => {
    if (x < 0) return 0;
    let total = 0;
    for (let i = 0; i < count; i++) total += values[i * width + x];
    return total;
  });
}
function flameJob(name, head, base, sampleTypes, minFraction) {
  const indices = (p) => sampleTypes.map((type) => p.sampleTypes.findIndex((t) => t.type === type));
  const headIndex = indices(head);
  const names = new FlameNames();
  const side2 = (profile, sampleIndex2) => {
    const view = profileView(profile);
    const { lineStart } = view;
    const lineSpan = new Int32Array(2 * (lineStart.length - 1));
    for (let l = 0; l + 1 < lineStart.length; l++) {
      const empty = lineStart[l + 1] === lineStart[l];
      lineSpan[2 * l] = empty ? -1 : lineStart[l + 1] - 1;
      lineSpan[2 * l + 1] = lineStart[l];
    }
    const { count, width, values, stackStart, stack } = profile.samples;
    return {
      count,
      width,
      values,
      stackStart,
      stack,
      lineName: view.lineName,
      nameOf: names.of(view),
      lineSpan,
      sampleIndex: sampleIndex2,
      view
    };
  };
  const sides = [side2(head, headIndex)];
  const headTotals = totalsOf2(head, headIndex);
  let baseTotals = sampleTypes.map(() => 0);
  if (base) {
    const bi = indices(base);
    if (bi.some((x) => x >= 0)) {
      sides.push(side2(base, bi));
      baseTotals = totalsOf2(base, bi);
    }
  }
  const min = sampleTypes.map(
    (_, t) => Math.max(Math.abs(headTotals[t]), Math.abs(baseTotals[t])) * minFraction
  );
  return {
    name,
    head,
    sampleTypes,
    minFraction,
    headIndex,
    sides,
    names,
    totals: [headTotals, baseTotals],
    min
  };
}
function jobGraphs(job, kept) {
  const { headIndex, totals, min } = job;
  return job.sampleTypes.map(
    (sampleType, t) => headIndex[t] < 0 ? void 0 : {
      profile: job.name,
      sampleType,
      unit: job.head.sampleTypes[headIndex[t]].unit,
      headTotal: totals[0][t],
      baseTotal: totals[1][t],
      minFraction: job.minFraction,
      root: finish(kept, job.sides, job.names.names, t, min[t])
    }
  );
}
function keptSide(s) {
  const { count, width, values, stackStart, stack, lineName, nameOf, lineSpan, sampleIndex: sampleIndex2 } = s;
  return { count, width, values, stackStart, stack, lineName, nameOf, lineSpan, sampleIndex: sampleIndex2 };
}
function flameGraphs(name, head, base, sampleTypes, minFraction = 1e-3) {
  const job = flameJob(name, head, base, sampleTypes, minFraction);
  return jobGraphs(job, buildKept(job.sides.map(keptSide), job.min, job.totals));
}
async function flameGraphsOffThread(name, head, base, sampleTypes, options = {}) {
  const job = flameJob(name, head, base, sampleTypes, options.minFraction ?? 1e-3);
  const kept = await keptOffThread(job.sides.map(keptSide), job.min, job.totals, options.minFrames);
  return jobGraphs(job, kept);
}

// src/report/html-build.ts
var shown = [
  "cpu",
  "alloc_space",
  "alloc_objects",
  "inuse_space",
  "delay",
  "contentions",
  "goroutine"
];
var TOP_ROWS = 500;
var rowOrders = [
  (a, b) => b.headFlat - b.baseFlat - (a.headFlat - a.baseFlat),
  (a, b) => a.headFlat - a.baseFlat - (b.headFlat - b.baseFlat),
  (a, b) => b.headCum - b.baseCum - (a.headCum - a.baseCum),
  (a, b) => a.headCum - a.baseCum - (b.headCum - b.baseCum),
  (a, b) => Math.abs(b.headFlat) - Math.abs(a.headFlat),
  (a, b) => Math.abs(b.headCum) - Math.abs(a.headCum)
];
function firstRows(rows, limit) {
  if (rows.length <= limit) return rows;
  const kept = /* @__PURE__ */ new Set();
  for (const order of rowOrders) {
    const sorted = [...rows].sort((a, b) => order(a, b) || (a.name < b.name ? -1 : 1));
    for (const r of sorted.slice(0, limit)) kept.add(r);
  }
  return rows.filter((r) => kept.has(r));
}
function sideRows(p, types) {
  if (!p) return void 0;
  const indices = types.map((type) => p.sampleTypes.findIndex((t) => t.type === type));
  const present = indices.filter((x) => x >= 0);
  const totals = functionTotals2(p, present);
  const col = indices.map((x) => present.indexOf(x));
  const byName = /* @__PURE__ */ new Map();
  totals.names.forEach((name, fn) => name !== "" && byName.set(name, fn));
  return { totals, col, byName };
}
function topTables(pair, types, limit = TOP_ROWS) {
  const h = sideRows(pair.head, types);
  const b = sideRows(pair.base, types);
  const names = [.../* @__PURE__ */ new Set([...h.byName.keys(), ...b?.byName.keys() ?? []])];
  return types.map((type, t) => {
    const value = (side2, name, of) => {
      const fn = side2?.byName.get(name);
      const c = side2?.col[t] ?? -1;
      if (!side2 || fn === void 0 || c < 0) return 0;
      return side2.totals[of][fn * side2.totals.types + c];
    };
    const all = [];
    for (const name of names) {
      const row = {
        name,
        file: "",
        line: 0,
        headFlat: value(h, name, "flat"),
        baseFlat: value(b, name, "flat"),
        headCum: value(h, name, "cum"),
        baseCum: value(b, name, "cum")
      };
      if (row.headFlat === 0 && row.baseFlat === 0 && row.headCum === 0 && row.baseCum === 0)
        continue;
      const fn = h.totals.fns[h.byName.get(name) ?? -1] ?? b?.totals.fns[b.byName.get(name) ?? -1];
      row.file = fn?.filename ?? "";
      row.line = fn?.startLine ?? 0;
      all.push(row);
    }
    const rows = firstRows(all, limit);
    rows.sort((x, y) => rowOrders[0](x, y) || rowOrders[2](x, y) || (x.name < y.name ? -1 : 1));
    const total = (side2) => side2 && side2.col[t] >= 0 ? side2.totals.total[side2.col[t]] : 0;
    return {
      profile: pair.name,
      sampleType: type,
      unit: pair.head.sampleTypes.find((x) => x.type === type)?.unit ?? "",
      headTotal: total(h),
      baseTotal: total(b),
      functions: all.length,
      rows
    };
  });
}
function wantedTypes(pair) {
  const types = pair.head.sampleTypes.map((t) => t.type);
  return (pair.name.includes("heap") ? ["inuse_space"] : shown.filter((t) => t !== "inuse_space")).filter((t) => types.includes(t));
}
function startFlameGraphs(pairs) {
  const graphs = pairGraphs(pairs);
  graphs.catch(() => void 0);
  return graphs;
}
async function pairGraphs(pairs) {
  const out = /* @__PURE__ */ new Map();
  for (const pair of pairs) {
    const wanted = wantedTypes(pair);
    if (wanted.length === 0 || pair.head.samples.count === 0) continue;
    out.set(pair, await flameGraphsOffThread(pair.name, pair.head, pair.base, wanted));
  }
  return out;
}
function modelAndTables(title, pairs, gate2, insights, problems, report) {
  const model = {
    title,
    generatedAt: (/* @__PURE__ */ new Date()).toISOString(),
    graphs: [],
    tops: [],
    gate: gate2,
    insights,
    problems: [...problems],
    ...report ? { verdict: verdictView(report) } : {}
  };
  const tables = /* @__PURE__ */ new Map();
  for (const pair of pairs) {
    const wanted = wantedTypes(pair);
    if (wanted.length === 0) continue;
    if (pair.head.samples.count === 0) {
      model.problems.push(`${pair.name}: the profile has no samples`);
      continue;
    }
    tables.set(pair, topTables(pair, wanted));
  }
  return { model, tables };
}
function withGraphs(model, tables, graphs) {
  for (const [pair, tops] of tables) {
    const pairGraphs2 = graphs.get(pair) ?? flameGraphs(pair.name, pair.head, pair.base, wantedTypes(pair));
    pairGraphs2.forEach((g, t) => {
      if (!g) return;
      model.graphs.push(g);
      model.tops.push(tops[t]);
    });
  }
  return model;
}
async function buildHtmlReportModel(title, pairs, gate2, insights, problems = [], report, graphs = startFlameGraphs(pairs)) {
  const { model, tables } = modelAndTables(title, pairs, gate2, insights, problems, report);
  return withGraphs(model, tables, await graphs);
}
function frameColumns(root2, id) {
  const out = { parent: [], name: [], file: [], line: [], head: [], base: [] };
  const todo = [[root2, -1]];
  while (todo.length > 0) {
    const [n, parent] = todo.pop();
    const at2 = out.parent.length;
    out.parent.push(parent);
    out.name.push(n.small ? -1 : id(n.name));
    out.file.push(id(n.file));
    out.line.push(n.line);
    out.head.push(n.head);
    out.base.push(n.base);
    for (let i = n.children.length - 1; i >= 0; i--) todo.push([n.children[i], at2]);
  }
  return out;
}
function rowColumns(rows, id) {
  return {
    name: rows.map((r) => id(r.name)),
    file: rows.map((r) => id(r.file)),
    line: rows.map((r) => r.line),
    headFlat: rows.map((r) => r.headFlat),
    baseFlat: rows.map((r) => r.baseFlat),
    headCum: rows.map((r) => r.headCum),
    baseCum: rows.map((r) => r.baseCum)
  };
}
function pageData(model) {
  const ids = /* @__PURE__ */ new Map();
  const id = (s) => {
    let i = ids.get(s);
    if (i === void 0) ids.set(s, i = ids.size);
    return i;
  };
  const graphs = model.graphs.map(({ root: root2, ...g }) => ({
    ...g,
    frames: root2 ? frameColumns(root2, id) : void 0
  }));
  const tops = model.tops.map((t) => ({
    ...t,
    functions: t.functions ?? t.rows.length,
    rows: rowColumns(t.rows, id)
  }));
  return {
    strings: [...ids.keys()],
    graphs,
    tops,
    ...model.verdict ? { verdict: model.verdict } : {},
    ...model.history ? { history: model.history } : {}
  };
}

// src/render/html/page-assets.generated.ts
var pageScript = `"use strict";
(() => {
  // src/render/html/page/dom.ts
  function byId(id, type) {
    const el = document.getElementById(id);
    if (!(el instanceof type)) throw new Error(\`the page has no #\${id} \${type.name}\`);
    return el;
  }
  function showMessage(text) {
    const box = byId("message", HTMLDivElement);
    const p = document.createElement("p");
    p.textContent = text;
    box.appendChild(p);
    box.hidden = false;
  }
  function reason(err) {
    return err instanceof Error ? err.message : String(err);
  }

  // src/analyze/function-name.ts
  var goVersionSuffix = /^(.*?)\\/v(?:[2-9]|[1-9][0-9]+)([./].*)$/;
  var goPackagePath = /^(?:[\\w\\-.]+\\/)+([^.]+\\..+)/;
  function shortFunctionName(name) {
    const unversioned = name.replace(goVersionSuffix, "$1$2");
    return goPackagePath.exec(unversioned)?.[1] ?? unversioned;
  }

  // src/units/go-format.ts
  function exactDigits(x) {
    const s = Math.abs(x).toFixed(100);
    const dot = s.indexOf(".");
    let digits = s.slice(0, dot) + s.slice(dot + 1);
    let point = dot;
    const firstNonZero = digits.search(/[1-9]/);
    if (firstNonZero < 0) return { digits: "", point: 0 };
    digits = digits.slice(firstNonZero).replace(/0+$/, "");
    point -= firstNonZero;
    return { digits, point };
  }
  function roundDigits(digits, keep) {
    if (keep < 0) return { digits: "", carry: false };
    if (digits.length <= keep) return { digits, carry: false };
    const next = digits.charCodeAt(keep) - 48;
    const rest = digits.slice(keep + 1);
    const prev = keep > 0 ? digits.charCodeAt(keep - 1) - 48 : 0;
    const up = next > 5 || next === 5 && (/[1-9]/.test(rest) || prev % 2 === 1);
    let kept = digits.slice(0, keep);
    if (!up) return { digits: kept, carry: false };
    const chars = kept.split("").map((c) => c.charCodeAt(0) - 48);
    let i = chars.length - 1;
    while (i >= 0) {
      if (chars[i] < 9) {
        chars[i]++;
        break;
      }
      chars[i] = 0;
      i--;
    }
    kept = chars.join("");
    if (i < 0) return { digits: \`1\${kept}\`, carry: true };
    return { digits: kept, carry: false };
  }
  function formatFixed(x, prec) {
    const neg = x < 0 || Object.is(x, -0);
    const { digits, point } = exactDigits(x);
    const { digits: kept, carry } = roundDigits(digits, point + prec);
    const pt = kept === "" ? 0 : point + (carry ? 1 : 0);
    const totalLen = Math.max(pt, 0) + prec;
    const padded = (pt < 0 ? "0".repeat(-pt) : "") + kept;
    const full = padded.padEnd(totalLen, "0");
    const intLen = Math.max(pt, 0);
    const intPart = intLen > 0 ? full.slice(0, intLen) : "0";
    const frac = full.slice(intLen, intLen + prec);
    const body = prec > 0 ? \`\${intPart}.\${frac}\` : intPart;
    return neg ? \`-\${body}\` : body;
  }

  // src/units/human.ts
  function quantityKind(unit) {
    let denominator = false;
    for (const token of unit.split(/([*/\\-\\s])/)) {
      if (token === "/") denominator = true;
      else if (token === "*") denominator = false;
      else if (!denominator && token === "sec") return "time";
      else if (!denominator && (token === "B" || token === "bytes")) return "bytes";
    }
    return "count";
  }
  function groupDigits(value3, digits = 0) {
    const s = formatFixed(value3, digits);
    const neg = s.startsWith("-");
    const [int, frac] = (neg ? s.slice(1) : s).split(".");
    const grouped = int.replace(/\\B(?=(\\d{3})+$)/g, ",");
    return \`\${neg ? "-" : ""}\${grouped}\${frac === void 0 ? "" : \`.\${frac}\`}\`;
  }
  function significant(value3, digits) {
    if (value3 === 0) return "0";
    const magnitude = Math.floor(Math.log10(Math.abs(value3)));
    const decimals = Math.max(0, digits - 1 - magnitude);
    return groupDigits(value3, Math.min(decimals, 12));
  }
  var trimZeros = (s) => s.includes(".") ? s.replace(/\\.?0+$/, "") : s;
  function formatCount(value3, extra = 0) {
    if (!Number.isFinite(value3)) return String(value3);
    if (Number.isInteger(value3)) return groupDigits(value3);
    if (Math.abs(value3) >= 100) return trimZeros(groupDigits(value3, 1 + extra));
    return trimZeros(significant(value3, 3 + extra));
  }
  var iec = [
    [2 ** 40, "TiB"],
    [2 ** 30, "GiB"],
    [2 ** 20, "MiB"],
    [2 ** 10, "KiB"]
  ];
  function formatBytes(value3, extra = 0) {
    if (!Number.isFinite(value3)) return \`\${value3} B\`;
    const abs = Math.abs(value3);
    const step = iec.find(([f]) => abs >= f);
    if (!step) return \`\${formatCount(value3, extra)} B\`;
    const x = value3 / step[0];
    return \`\${formatFixed(x, (Math.abs(x) < 10 ? 2 : 1) + extra)} \${step[1]}\`;
  }
  var timeSteps = [
    [1, "s"],
    [1e-3, "ms"],
    [1e-6, "µs"],
    [1e-9, "ns"]
  ];
  function formatSeconds(value3, extra = 0) {
    if (!Number.isFinite(value3)) return \`\${value3} s\`;
    if (value3 === 0) return "0 s";
    const abs = Math.abs(value3);
    if (abs >= 1e3) return \`\${groupDigits(value3, extra)} s\`;
    const [factor, name] = timeSteps.find(([f]) => abs >= f * 0.9995) ?? timeSteps[3];
    const x = value3 / factor;
    const magnitude = Math.max(0, Math.floor(Math.log10(Math.abs(x))));
    const decimals = Math.max(0, 2 - magnitude) + extra;
    return \`\${groupDigits(x, Math.min(decimals, 12))} \${name}\`;
  }
  function formatQuantity(value3, unit, extra = 0) {
    const kind = quantityKind(unit);
    return kind === "time" ? formatSeconds(value3, extra) : kind === "bytes" ? formatBytes(value3, extra) : formatCount(value3, extra);
  }
  function formatProfileValue(value3, unit) {
    if (unit === "bytes") return formatBytes(value3);
    if (unit === "nanoseconds") return formatSeconds(value3 / 1e9);
    const n = formatCount(value3);
    return unit === "count" || unit === "" ? n : \`\${n} \${unit}\`;
  }

  // src/render/html/page/format.ts
  function label(value3, unit) {
    return formatProfileValue(value3, unit);
  }
  function signed(value3, unit) {
    return (value3 > 0 ? "+" : "") + label(value3, unit);
  }
  function share(value3, total2) {
    const ratio = total2 !== 0 ? Math.abs(value3 / total2) * 100 : 0;
    if (ratio === 0) return "0%";
    if (ratio < 5e-3) return "<0.01%";
    const s = ratio.toFixed(2);
    return s === "100.00" ? "100%" : \`\${s}%\`;
  }
  var MIN_CHARS = 4;
  function fitName(name, chars) {
    if (name.length <= chars) return name;
    const short = shortFunctionName(name);
    if (short.length <= chars) return short;
    const plain = short.replace(/\\[.*\\]/, "[…]");
    if (plain.length <= chars) return plain;
    const bare = plain.replace(/^[\\w\\-~]+\\./, "");
    if (bare.length <= chars) return bare;
    if (chars < MIN_CHARS) return "";
    return \`…\${bare.slice(bare.length - (chars - 1))}\`;
  }

  // src/render/html/page/flame-graph.ts
  var ROW = 18;
  var MIN_PX = 0.5;
  var TEXT_PX = 24;
  var PAD_PX = 9;
  var SAME = 1e-3;
  var FULL = 0.2;
  function drawable(g) {
    const f = g?.frames;
    return !!f && typeof g.unit === "string" && Array.isArray(f.parent) && f.parent.length > 0 && [f.name, f.file, f.line, f.head, f.base].every(
      (c) => Array.isArray(c) && c.length === f.parent.length
    );
  }
  function readGraph(g, text) {
    const { parent, name, file, line, head, base } = g.frames;
    const frames = [];
    for (let i = 0; i < parent.length; i++) {
      const up = i === 0 ? null : frames[parent[i]] ?? null;
      const small = name[i] === -1;
      const f = {
        id: i,
        name: i === 0 ? "root" : small ? "small frames" : text(name[i]),
        file: text(file[i]),
        line: line[i],
        head: head[i],
        base: base[i],
        small,
        children: [],
        parent: up,
        depth: up ? up.depth + 1 : 0
      };
      frames.push(f);
      up?.children.push(f);
    }
    return { data: g, frames, root: frames[0] };
  }
  function total(g) {
    return Math.max(Math.abs(g.headTotal), Math.abs(g.baseTotal)) || 1;
  }
  function gone(f) {
    return f.children.filter((c) => !(c.head > 0) && c.base > 0);
  }
  function change(g, f, byShare) {
    const r = byShare && g.headTotal > 0 && g.baseTotal > 0 ? f.head / g.headTotal - f.base / g.baseTotal : (f.head - f.base) / total(g);
    const kind = Math.abs(r) < SAME ? "same" : r > 0 ? "grow" : "shrink";
    const t = Math.sqrt(Math.min(1, Math.abs(r) / FULL));
    const colour = kind === "same" ? "hsl(0, 0%, 84%)" : kind === "grow" ? \`hsl(0, 85%, \${(88 - 36 * t).toFixed(1)}%)\` : \`hsl(130, 55%, \${(86 - 36 * t).toFixed(1)}%)\`;
    return { kind, colour };
  }
  var widthOf = (view, f) => view.widths === "base" ? f.base : f.head;
  var charPx = 0;
  function charWidth(container) {
    if (charPx > 0) return charPx;
    const probe = document.createElement("div");
    probe.className = "frame";
    probe.style.visibility = "hidden";
    probe.style.padding = "0";
    probe.style.width = "auto";
    probe.textContent = "x".repeat(100);
    container.appendChild(probe);
    charPx = probe.getBoundingClientRect().width / 100 || 7;
    probe.remove();
    return charPx;
  }
  function frameElement(view, f, box, ancestor) {
    const el = document.createElement("div");
    const c = change(view.graph.data, f, view.byShare);
    el.className = \`frame \${c.kind}\${f.small ? " small" : ""}\${ancestor ? " ancestor" : ""}\`;
    el.style.left = \`\${box.x * 100}%\`;
    el.style.width = \`\${box.w * 100}%\`;
    el.style.top = \`\${f.depth * ROW}px\`;
    el.style.backgroundColor = c.colour;
    el.dataset.id = String(f.id);
    el.dataset.name = f.name;
    el.dataset.head = String(f.head);
    el.dataset.base = String(f.base);
    if (f.base === 0 && f.head > 0) el.dataset.new = "true";
    if (f.base > 0 && !(f.head > 0)) el.dataset.removed = "true";
    const removed = gone(f).length;
    if (removed > 0) el.dataset.gone = String(removed);
    const px = box.w * box.px;
    if (px >= TEXT_PX) el.textContent = fitName(f.name, Math.floor((px - PAD_PX) / box.charPx));
    return el;
  }
  function drawFlame(container, view) {
    container.textContent = "";
    const z = view.zoom ?? view.graph.root;
    const px = container.clientWidth || 1200;
    const cp = charWidth(container);
    const frag = document.createDocumentFragment();
    for (let a = z.parent; a; a = a.parent) {
      frag.appendChild(frameElement(view, a, { x: 0, w: 1, px, charPx: cp }, true));
    }
    const scale = widthOf(view, z) > 0 ? widthOf(view, z) : 1;
    let depth = z.depth;
    const todo = [[z, 0, 1]];
    while (todo.length > 0) {
      const [f, x, w] = todo.pop();
      frag.appendChild(frameElement(view, f, { x, w, px, charPx: cp }, false));
      depth = Math.max(depth, f.depth);
      let cx = x;
      for (const c of f.children) {
        const v = widthOf(view, c);
        if (!(v > 0)) continue;
        const cw = v / scale;
        if (cw * px >= MIN_PX) todo.push([c, cx, cw]);
        cx += cw;
      }
    }
    container.style.height = \`\${(depth + 1) * ROW}px\`;
    container.appendChild(frag);
  }

  // src/render/html/page/top-table.ts
  var MAX_ROWS = 500;
  function readable(t) {
    const r = t?.rows;
    if (!r || !Array.isArray(r.name)) return false;
    const cols = [r.file, r.line, r.headFlat, r.baseFlat, r.headCum, r.baseCum];
    return cols.every((c) => Array.isArray(c) && c.length === r.name.length);
  }
  function readTop(t, text) {
    const c = t.rows;
    return {
      data: t,
      rows: c.name.map((name, i) => ({
        name: text(name),
        file: text(c.file[i]),
        line: c.line[i],
        headFlat: c.headFlat[i],
        baseFlat: c.baseFlat[i],
        headCum: c.headCum[i],
        baseCum: c.baseCum[i]
      }))
    };
  }
  var firstSort = { key: "dflat", dir: -1 };
  var byNumber = (get) => (a, b) => get(a) - get(b);
  var ORDER = {
    name: (a, b) => a.name.localeCompare(b.name),
    flat: byNumber((r) => r.headFlat),
    flatPct: byNumber((r) => r.headFlat),
    cum: byNumber((r) => r.headCum),
    cumPct: byNumber((r) => r.headCum),
    dflat: byNumber((r) => r.headFlat - r.baseFlat),
    dcum: byNumber((r) => r.headCum - r.baseCum)
  };
  function isSortKey(key) {
    return key !== void 0 && Object.hasOwn(ORDER, key);
  }
  function nextSort(sort, key) {
    if (key === sort.key) return { key, dir: sort.dir === 1 ? -1 : 1 };
    return { key, dir: key === "name" ? 1 : -1 };
  }
  function cell(tr, text, cls, title) {
    const td = tr.insertCell();
    td.textContent = text;
    if (cls) td.className = cls;
    if (title) td.title = title;
  }
  var trend = (d) => d > 0 ? "num up" : d < 0 ? "num down" : "num";
  function renderTop(table, note, top, sort, unit) {
    const body = table.tBodies[0];
    body.textContent = "";
    if (!top) {
      note.textContent = "No top table for this profile.";
      return;
    }
    const order = ORDER[sort.key];
    const rows = top.rows.slice().sort((a, b) => order(a, b) * sort.dir || a.name.localeCompare(b.name));
    const total2 = top.data.headTotal;
    for (const r of rows.slice(0, MAX_ROWS)) {
      const tr = body.insertRow();
      tr.dataset.name = r.name;
      const df = r.headFlat - r.baseFlat;
      const dc = r.headCum - r.baseCum;
      cell(tr, label(r.headFlat, unit), "num");
      cell(tr, share(r.headFlat, total2), "num");
      cell(tr, label(r.headCum, unit), "num");
      cell(tr, share(r.headCum, total2), "num");
      cell(tr, signed(df, unit), trend(df), \`base \${label(r.baseFlat, unit)}\`);
      cell(tr, signed(dc, unit), trend(dc), \`base \${label(r.baseCum, unit)}\`);
      cell(tr, r.name, "name", r.file ? \`\${r.file}:\${r.line}\` : "");
    }
    const all = Math.max(top.data.functions ?? 0, rows.length);
    note.textContent = all > Math.min(rows.length, MAX_ROWS) ? \`The first \${Math.min(rows.length, MAX_ROWS)} of \${all} functions by this column.\` : \`\${rows.length} functions.\`;
    for (const th of table.tHead.rows[0].cells) {
      const on = th.dataset.key === sort.key;
      th.setAttribute("aria-sort", on ? sort.dir < 0 ? "descending" : "ascending" : "none");
    }
  }

  // src/render/html/page/headline.ts
  var icons = {
    pass: "✅",
    fail: "❌",
    "no-comparison": "⚠️",
    incomplete: "⚠️",
    "no-baseline": "ℹ️",
    accepted: "✅"
  };
  var words = {
    pass: "pass",
    fail: "fail",
    "no-baseline": "no baseline",
    "no-comparison": "nothing compared",
    incomplete: "incomplete",
    accepted: "accepted"
  };
  var plural = (n, w) => \`\${n} \${w}\${n === 1 ? "" : "s"}\`;
  function headlineText(v) {
    const counts = [];
    if (v.benchmarksRegressed !== null && v.benchmarksImproved !== null) {
      counts.push(\`\${plural(v.benchmarksRegressed, "benchmark")} regressed\`);
      if (v.benchmarksImproved > 0) counts.push(\`\${v.benchmarksImproved} improved\`);
      if (v.unitsNotJudged) counts.push("⚠️ some units not judged");
    }
    if (v.profileRegressions !== null)
      counts.push(\`\${plural(v.profileRegressions, "function")} grew in profiles\`);
    if (v.goroutines?.leaks) counts.push(plural(v.goroutines.leaks, "goroutine leak"));
    else if (v.goroutines?.parked) {
      counts.push(\`\${plural(v.goroutines.parked, "site")} of parked goroutines\`);
    }
    const a = v.verdict === "accepted" ? v.accepted : void 0;
    const by = a ? \` by label \${a.label}\${a.by ? \`, applied by @\${a.by}\` : ""}\` : "";
    return \`\${icons[v.verdict]} perfgate: \${words[v.verdict]}\${by}\${counts.map((c) => \` · \${c}\`).join("")}\`;
  }

  // src/render/html/page/verdict.ts
  function cell2(row, text, className = "") {
    const td = row.insertCell();
    td.textContent = text;
    if (className) td.className = className;
    return td;
  }
  function value(r, v) {
    return \`\${label(v, r.unit)}\${r.basis === "per-op" ? "/op" : ""}\`;
  }
  function points(p) {
    return \`\${p >= 0 ? "+" : ""}\${p.toFixed(1)} pp\`;
  }
  function drawVerdict(v, section) {
    section.replaceChildren();
    const h = document.createElement("h2");
    h.id = "verdict-headline";
    h.textContent = headlineText(v);
    const p = document.createElement("p");
    p.textContent = \`\${v.reason}.\`;
    section.append(h, p);
    if (v.profileRows.length > 0) {
      const table = document.createElement("table");
      table.id = "profile-findings";
      const head = table.createTHead().insertRow();
      for (const t of ["function", "benchmark", "sample type", "base", "head", "change", "gate"])
        cell2(head, t);
      const body = table.createTBody();
      for (const r of v.profileRows) {
        const row = body.insertRow();
        row.className = r.regression ? "regression" : "";
        const fn = cell2(row, "");
        const code = document.createElement("code");
        code.textContent = r.function;
        const where = document.createElement("div");
        where.className = "muted";
        where.textContent = [r.file ? \`\${r.file}:\${r.line}\` : "", r.leaf ? \`via \${r.leaf}\` : ""].filter((x) => x !== "").join(" · ");
        fn.append(code, where);
        cell2(row, r.benchmark.slice(r.benchmark.lastIndexOf(".") + 1));
        cell2(row, \`\${r.sampleType} (\${r.profile})\`);
        cell2(row, value(r, r.base), "num");
        cell2(row, value(r, r.head), "num");
        cell2(row, points(r.points), "num");
        cell2(
          row,
          r.regression ? "❌ fails" : r.limit === null ? "reported only" : \`under +\${r.limit} pp\`
        );
      }
      section.append(table);
    }
    section.hidden = false;
  }

  // src/render/html/page/history-chart.ts
  var SVG = new DOMParser().parseFromString("<svg></svg>", "text/html").body.firstElementChild?.namespaceURI ?? "";
  var W = 320;
  var H = 140;
  var PAD = { left: 58, right: 30, top: 10, bottom: 22 };
  var CPU_COLOURS = ["#0969da", "#bf8700", "#8250df", "#1a7f37", "#cf222e", "#57606a"];
  function svg(tag, attrs, parent) {
    const el = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
    parent.appendChild(el);
    return el;
  }
  function titled(el, text) {
    const t = document.createElementNS(SVG, "title");
    t.textContent = text;
    el.appendChild(t);
  }
  function html(tag, text, className = "") {
    const el = document.createElement(tag);
    el.textContent = text;
    if (className) el.className = className;
    return el;
  }
  function value2(v, unit) {
    const q = formatQuantity(v, unit);
    if (quantityKind(unit) === "count") return \`\${q} \${unit}\`;
    const per = unit.indexOf("/");
    return per < 0 ? q : \`\${q}\${unit.slice(per)}\`;
  }
  function chart(h, s, colourOf) {
    const card = html("figure", "", \`history-card\${s.regression ? " regression" : ""}\`);
    const caption = html("figcaption", "");
    caption.append(html("code", s.name), html("span", \` \${s.unit}\`));
    if (s.regression) caption.append(html("span", " regressed", "tag"));
    if (s.pkg) caption.append(html("div", s.pkg, "muted"));
    card.append(caption);
    const n = h.commits.length;
    const numbers = [...s.centers, ...s.lo, ...s.hi].filter((v) => v !== null);
    if (s.head) {
      numbers.push(s.head.center);
      for (const b of [s.head.lo, s.head.hi]) if (b !== null) numbers.push(b);
    }
    let lo = Math.min(...numbers);
    let hi = Math.max(...numbers);
    if (lo === hi) [lo, hi] = lo === 0 ? [0, 1] : [lo - Math.abs(lo) * 0.1, hi + Math.abs(hi) * 0.1];
    const pad = (hi - lo) * 0.06;
    [lo, hi] = [lo - pad, hi + pad];
    const plotW = W - PAD.left - PAD.right;
    const plotH = H - PAD.top - PAD.bottom;
    const x = (i) => PAD.left + (n <= 1 ? plotW / 2 : i * plotW / n);
    const y = (v) => PAD.top + plotH - (v - lo) / (hi - lo) * plotH;
    const root = svg("svg", { viewBox: \`0 0 \${W} \${H}\`, width: W, height: H, role: "img" }, card);
    titled(root, \`\${s.name} \${s.unit}: \${n} past commits of \${h.branch} and head\`);
    svg("rect", { x: PAD.left, y: PAD.top, width: plotW, height: plotH, class: "plot" }, root);
    for (const v of [hi - pad, lo + pad]) {
      svg("line", { x1: PAD.left - 4, x2: PAD.left, y1: y(v), y2: y(v), class: "tick" }, root);
      const t2 = svg("text", { x: PAD.left - 6, y: y(v) + 4, "text-anchor": "end" }, root);
      t2.textContent = formatQuantity(v, s.unit);
    }
    for (let i = 1; i < n; i++) {
      if (h.commits[i].cpu === h.commits[i - 1].cpu) continue;
      const at = (x(i - 1) + x(i)) / 2;
      const line = svg(
        "line",
        { x1: at, x2: at, y1: PAD.top, y2: PAD.top + plotH, class: "runner-change" },
        root
      );
      titled(
        line,
        \`runner CPU changed: \${h.commits[i - 1].cpu || "unknown"} → \${h.commits[i].cpu || "unknown"}\`
      );
    }
    const path = [];
    s.centers.forEach((c, i) => {
      if (c !== null) path.push(\`\${path.length === 0 ? "M" : "L"}\${x(i)},\${y(c)}\`);
    });
    if (path.length > 1) svg("path", { d: path.join(" "), class: "trend" }, root);
    s.centers.forEach((c, i) => {
      if (c === null) return;
      const commit = h.commits[i];
      const lo2 = s.lo[i];
      const hi2 = s.hi[i];
      if (lo2 !== null && lo2 !== void 0 && hi2 !== null && hi2 !== void 0)
        svg("line", { x1: x(i), x2: x(i), y1: y(lo2), y2: y(hi2), class: "interval" }, root);
      const dot = svg("circle", { cx: x(i), cy: y(c), r: 3, fill: colourOf(commit.cpu) }, root);
      dot.setAttribute("class", "past");
      titled(
        dot,
        \`\${commit.commit.slice(0, 12)} · \${commit.date.slice(0, 10)} · \${value2(c, s.unit)}\${commit.cpu ? \` · \${commit.cpu}\` : ""}\`
      );
    });
    if (s.head) {
      const hx = x(n);
      const { center, lo: hlo, hi: hhi } = s.head;
      if (hlo !== null && hhi !== null)
        svg("line", { x1: hx, x2: hx, y1: y(hlo), y2: y(hhi), class: "interval head" }, root);
      const r = 5;
      const mark = svg(
        "path",
        {
          d: \`M\${hx},\${y(center) - r} L\${hx + r},\${y(center)} L\${hx},\${y(center) + r} L\${hx - r},\${y(center)} Z\`,
          class: "head-mark"
        },
        root
      );
      titled(mark, \`head · \${value2(center, s.unit)}\`);
      const t2 = svg("text", { x: hx, y: H - 6, "text-anchor": "middle", class: "head-label" }, root);
      t2.textContent = "head";
    }
    const t = svg("text", { x: PAD.left, y: H - 6, class: "axis" }, root);
    t.textContent = n > 0 ? \`\${h.commits[0].commit.slice(0, 7)} … \${h.commits[n - 1].commit.slice(0, 7)}\` : "";
    return card;
  }
  function drawHistory(h, section) {
    section.replaceChildren();
    const commits = h.commits.length;
    section.append(
      html("h2", \`History: the last \${commits} baseline\${commits === 1 ? "" : "s"} of \${h.branch}\`)
    );
    const cpus = [...new Set(h.commits.map((c) => c.cpu))];
    const colourOf = (cpu) => CPU_COLOURS[cpus.indexOf(cpu) % CPU_COLOURS.length];
    const legend = html("p", "", "history-legend");
    for (const cpu of cpus) {
      const item = html("span", cpu || "CPU unknown", "cpu");
      item.style.setProperty("--cpu", colourOf(cpu));
      legend.append(item);
    }
    legend.append(html("span", "head", "l-head"));
    if (cpus.length > 1) legend.append(html("span", "runner CPU changed", "l-change"));
    section.append(legend);
    const grid = html("div", "", "history-grid");
    for (const s of h.series) grid.append(chart(h, s, colourOf));
    section.append(grid);
    if (h.omitted > 0)
      section.append(
        html("p", \`\${h.omitted} more benchmark units are in the history file.\`, "muted")
      );
    section.hidden = false;
  }

  // src/render/html/page/main.ts
  function elements() {
    return {
      viewer: byId("viewer", HTMLElement),
      picker: byId("sample-type", HTMLSelectElement),
      flame: byId("flame", HTMLDivElement),
      tooltip: byId("tooltip", HTMLDivElement),
      totals: byId("totals", HTMLParagraphElement),
      search: byId("search", HTMLInputElement),
      searchInfo: byId("search-info", HTMLSpanElement),
      resetZoom: byId("reset-zoom", HTMLButtonElement),
      byShare: byId("by-share", HTMLInputElement),
      baseWidths: byId("base-widths", HTMLInputElement),
      top: byId("top", HTMLTableElement),
      topNote: byId("top-note", HTMLParagraphElement)
    };
  }
  function viewer(data, el) {
    const text = (i) => typeof i === "number" ? String(data.strings[i] ?? "") : String(i ?? "");
    const read = /* @__PURE__ */ new Map();
    const state = {
      graph: null,
      zoom: null,
      byShare: false,
      widths: "head",
      top: null,
      term: "",
      sort: firstSort
    };
    function field(name, value3) {
      const f = el.tooltip.querySelector(\`[data-field="\${name}"]\`);
      if (f) f.textContent = value3;
    }
    function showTip(graph, f, ev) {
      const g = graph.data;
      const delta = f.head - f.base;
      const merged = \`small frames (merged: each under \${g.minFraction * 100}% of the total)\`;
      field("name", f.small ? merged : f.name);
      field("file", f.file ? \`\${f.file}:\${f.line}\` : "");
      field("base", label(f.base, g.unit));
      field("head", label(f.head, g.unit));
      field(
        "delta",
        f.base === 0 && f.head !== 0 ? \`\${signed(delta, g.unit)} (new in head)\` : \`\${signed(delta, g.unit)} (\${delta >= 0 ? "+" : "-"}\${share(delta, total(g))} of total)\`
      );
      field("share", \`\${share(f.head, g.headTotal)} of head, \${share(f.base, g.baseTotal)} of base\`);
      const removed = gone(f);
      const listed = removed.slice(0, 5).map((c) => \`\${c.name} (\${label(c.base, g.unit)})\`);
      field(
        "gone",
        removed.length === 0 ? "" : \`gone in head: \${listed.join(", ")}\${removed.length > 5 ? ", …" : ""}\`
      );
      const tip = el.tooltip;
      tip.hidden = false;
      const x = Math.min(ev.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
      const below = ev.clientY + 16;
      const y = below + tip.offsetHeight > window.innerHeight ? ev.clientY - tip.offsetHeight - 8 : below;
      tip.style.left = \`\${Math.max(4, x)}px\`;
      tip.style.top = \`\${Math.max(4, y)}px\`;
    }
    const hideTip = () => {
      el.tooltip.hidden = true;
    };
    function frameAt(ev) {
      const target = ev.target instanceof Element ? ev.target.closest(".frame") : null;
      if (!target || !state.graph) return void 0;
      return state.graph.frames[Number(target.dataset.id)];
    }
    function onHover(ev) {
      const f = frameAt(ev);
      if (!f || !state.graph) return hideTip();
      showTip(state.graph, f, ev);
    }
    function markMatches() {
      const term = state.term.toLowerCase();
      const matches = (name) => term !== "" && (name ?? "").toLowerCase().includes(term);
      el.flame.classList.toggle("searching", term !== "");
      for (const f of el.flame.querySelectorAll(".frame")) {
        f.classList.toggle("match", matches(f.dataset.name));
      }
      for (const tr of el.top.tBodies[0].rows)
        tr.classList.toggle("match", matches(tr.dataset.name));
      if (term === "" || !state.graph) {
        el.searchInfo.textContent = "";
        return;
      }
      const g = state.graph;
      let count = 0;
      let head = 0;
      for (const f of g.frames) {
        if (!matches(f.name)) continue;
        count++;
        let a = f.parent;
        while (a && !matches(a.name)) a = a.parent;
        if (!a) head += Math.max(0, f.head);
      }
      const frames = \`\${count} \${count === 1 ? "frame" : "frames"}\`;
      const value3 = \`\${label(head, g.data.unit)} (\${share(head, g.data.headTotal)} of head)\`;
      el.searchInfo.textContent = \`\${frames} · \${value3}\`;
    }
    function draw() {
      const { graph, zoom, byShare, widths } = state;
      if (!graph) return;
      drawFlame(el.flame, { graph, zoom, byShare, widths });
      el.resetZoom.disabled = !zoom;
      markMatches();
    }
    function drawTop() {
      if (!state.graph) return;
      renderTop(el.top, el.topNote, state.top, state.sort, state.graph.data.unit);
      markMatches();
    }
    function zoomTo(f) {
      if (!state.graph) return;
      state.zoom = f && f !== state.graph.root ? f : null;
      hideTip();
      draw();
    }
    function readPair(g) {
      const t = data.tops.find((t2) => t2 && t2.profile === g.profile && t2.sampleType === g.sampleType);
      return { graph: readGraph(g, text), top: readable(t) ? readTop(t, text) : null };
    }
    function select(i) {
      const g = data.graphs[i];
      hideTip();
      state.zoom = null;
      if (!drawable(g)) {
        state.graph = null;
        el.flame.textContent = "";
        el.top.tBodies[0].textContent = "";
        showMessage(\`Graph \${i + 1} of the report could not be read.\`);
        return;
      }
      let pair = read.get(i);
      if (!pair) read.set(i, pair = readPair(g));
      const { graph } = pair;
      state.graph = graph;
      state.top = pair.top;
      const d = g.headTotal - g.baseTotal;
      el.totals.textContent = \`head \${label(g.headTotal, g.unit)} · base \${label(g.baseTotal, g.unit)} · Δ \${signed(d, g.unit)}\` + (g.baseTotal === 0 ? " · no base profile: every frame is new" : "") + (graph.root.head === 0 ? " · no samples in head" : "");
      draw();
      drawTop();
    }
    function listen() {
      el.picker.addEventListener("change", () => select(Number(el.picker.value)));
      el.flame.addEventListener("mousemove", onHover);
      el.flame.addEventListener("mouseover", onHover);
      el.flame.addEventListener("mouseleave", hideTip);
      el.flame.addEventListener("click", (ev) => {
        const f = frameAt(ev);
        if (f) zoomTo(f);
      });
      el.resetZoom.addEventListener("click", () => zoomTo(null));
      el.byShare.addEventListener("change", () => {
        state.byShare = el.byShare.checked;
        draw();
      });
      el.baseWidths.addEventListener("change", () => {
        state.widths = el.baseWidths.checked ? "base" : "head";
        el.flame.classList.toggle("base-widths", el.baseWidths.checked);
        draw();
      });
      document.addEventListener("keydown", (ev) => {
        if (ev.key === "Escape" && state.zoom) zoomTo(null);
      });
      el.search.addEventListener("input", () => {
        state.term = el.search.value.trim();
        if (state.graph) markMatches();
      });
      el.top.tHead.addEventListener("click", (ev) => {
        const th = ev.target instanceof Element ? ev.target.closest("th") : null;
        const key = th?.dataset.key;
        if (!isSortKey(key) || !state.graph) return;
        state.sort = nextSort(state.sort, key);
        drawTop();
      });
      let pending = 0;
      window.addEventListener("resize", () => {
        cancelAnimationFrame(pending);
        pending = requestAnimationFrame(draw);
      });
    }
    return { select, listen };
  }
  function readData(json) {
    const data = JSON.parse(json);
    return {
      strings: Array.isArray(data?.strings) ? data.strings : [],
      graphs: Array.isArray(data?.graphs) ? data.graphs : [],
      tops: Array.isArray(data?.tops) ? data.tops : [],
      ...data?.verdict ? { verdict: data.verdict } : {},
      ...data?.history ? { history: data.history } : {}
    };
  }
  function main() {
    let data;
    try {
      data = readData(byId("data", HTMLScriptElement).textContent || "");
    } catch (err) {
      showMessage(\`The report’s data could not be read (\${reason(err)}).\`);
      return;
    }
    const verdict = document.getElementById("verdict");
    if (data.verdict && verdict) {
      try {
        drawVerdict(data.verdict, verdict);
      } catch (err) {
        showMessage(\`The verdict could not be drawn (\${reason(err)}).\`);
      }
    }
    const history = document.getElementById("history");
    if (data.history && history) {
      try {
        drawHistory(data.history, history);
      } catch (err) {
        showMessage(\`The history could not be drawn (\${reason(err)}).\`);
      }
    }
    if (!document.getElementById("viewer") || data.graphs.length === 0) return;
    try {
      const el = elements();
      const v = viewer(data, el);
      v.listen();
      v.select(Number(el.picker.value) || 0);
    } catch (err) {
      const box = document.getElementById("viewer");
      if (box) box.hidden = true;
      showMessage(\`The flame graph could not be drawn (\${reason(err)}).\`);
    }
  }
  main();
  performance.mark("perfgate:interactive");
})();
`;
var pageStyle = `/* src/render/html/page/history-chart.css */
.history-grid {
  display: flex;
  flex-wrap: wrap;
  gap: 12px;
}
.history-card {
  margin: 0;
  padding: 6px 8px;
  border: 1px solid var(--border);
  border-radius: 6px;
  background: #fff;
}
.history-card.regression {
  border-color: var(--grow);
}
.history-card figcaption {
  font-size: 13px;
}
.history-card .tag {
  color: var(--grow);
  font-weight: 600;
}
.history-card svg {
  display: block;
  font-size: 10px;
  fill: var(--muted);
}
.history-card .plot {
  fill: var(--panel);
  stroke: none;
}
.history-card .tick {
  stroke: var(--muted);
}
.history-card .trend {
  fill: none;
  stroke: #8c959f;
  stroke-width: 1;
}
.history-card .interval {
  stroke: #afb8c1;
  stroke-width: 2;
}
.history-card .interval.head {
  stroke: #ff8182;
}
.history-card .head-mark {
  fill: var(--grow);
}
.history-card:not(.regression) .head-mark {
  fill: #0550ae;
}
.history-card:not(.regression) .interval.head {
  stroke: #80ccff;
}
.history-card .head-label {
  fill: var(--fg);
  font-weight: 600;
}
.history-card .runner-change {
  stroke: #bf8700;
  stroke-dasharray: 4 3;
  stroke-width: 1.5;
}
.history-legend {
  display: flex;
  flex-wrap: wrap;
  gap: 14px;
  font-size: 12px;
  color: var(--muted);
}
.history-legend .cpu::before {
  content: "";
  display: inline-block;
  width: 9px;
  height: 9px;
  border-radius: 50%;
  margin-right: 5px;
  background: var(--cpu);
}
.history-legend .l-head::before {
  content: "◆";
  color: var(--grow);
  margin-right: 5px;
}
.history-legend .l-change::before {
  content: "";
  display: inline-block;
  width: 0;
  height: 11px;
  border-left: 2px dashed #bf8700;
  margin-right: 5px;
  vertical-align: middle;
}

/* src/render/html/page/style.css */
:root {
  --fg: #1f2328;
  --muted: #59636e;
  --border: #d1d9e0;
  --panel: #f6f8fa;
  --grow: #c62828;
  --shrink: #2e7d32;
}
* {
  box-sizing: border-box;
}
[hidden] {
  display: none !important;
}
body {
  margin: 0;
  font:
    14px/1.45 system-ui,
    -apple-system,
    "Segoe UI",
    Roboto,
    sans-serif;
  color: var(--fg);
  background: #fff;
}
header {
  padding: 10px 20px;
  border-bottom: 1px solid var(--border);
  display: flex;
  align-items: baseline;
  gap: 14px;
  flex-wrap: wrap;
  background: var(--panel);
}
h1 {
  font-size: 19px;
  margin: 0;
}
h2 {
  font-size: 16px;
  margin: 22px 0 8px;
}
main {
  padding: 10px 20px 40px;
}
code,
.mono,
.frame,
#top td.name {
  font-family:
    ui-monospace,
    SFMono-Regular,
    Menlo,
    Consolas,
    monospace;
}
.muted,
#totals,
#search-info,
#top-note {
  color: var(--muted);
}
.badge {
  font-weight: 600;
  padding: 1px 8px;
  border-radius: 10px;
  font-size: 12px;
  color: #fff;
}
.badge.pass {
  background: var(--shrink);
}
.badge.fail {
  background: var(--grow);
}
#message {
  border: 1px solid #d4a72c;
  background: #fff8c5;
  padding: 6px 14px;
  border-radius: 6px;
  margin: 8px 0;
}
#message p {
  margin: 6px 0;
}
.toolbar {
  display: flex;
  gap: 12px;
  align-items: center;
  flex-wrap: wrap;
  margin: 6px 0;
}
select,
input,
button {
  font: inherit;
  padding: 3px 6px;
}
#search {
  width: 240px;
}
.legend {
  display: flex;
  gap: 14px;
  flex-wrap: wrap;
  font-size: 12px;
  color: var(--muted);
  margin: 4px 0;
}
.legend span::before {
  content: "";
  display: inline-block;
  width: 12px;
  height: 12px;
  margin-right: 4px;
  vertical-align: -2px;
  background: var(--sw);
}
.legend .l-grow {
  --sw: hsl(0, 85%, 62%);
}
.legend .l-shrink {
  --sw: hsl(130, 55%, 60%);
}
.legend .l-same {
  --sw: hsl(0, 0%, 84%);
}
.legend .l-new::before {
  outline: 1px dashed #6a1b9a;
  outline-offset: -1px;
  background:
    repeating-linear-gradient(
      135deg,
      #fff 0 2px,
      transparent 2px 6px),
    hsl(0, 85%, 70%);
}
.legend .l-gone::before {
  outline: 1px dashed #1b5e20;
  outline-offset: -1px;
  background:
    repeating-linear-gradient(
      45deg,
      #fff 0 3px,
      transparent 3px 7px),
    hsl(130, 55%, 60%);
}
#totals {
  margin: 4px 0;
  font-size: 13px;
}
#flame {
  position: relative;
  width: 100%;
  overflow: hidden;
  border: 1px solid var(--border);
  min-height: 18px;
}
.frame {
  position: absolute;
  height: 17px;
  line-height: 17px;
  font-size: 11.5px;
  padding: 0 4px;
  white-space: nowrap;
  overflow: hidden;
  text-overflow: ellipsis;
  border-right: 1px solid #fff;
  cursor: pointer;
  color: #111;
}
.frame:hover {
  filter: brightness(0.9);
}
.frame.small {
  font-style: italic;
  color: #444;
}
.frame[data-new=true] {
  outline: 1px dashed #6a1b9a;
  outline-offset: -1px;
  background-image:
    repeating-linear-gradient(
      135deg,
      rgba(255, 255, 255, 0.3) 0 2px,
      transparent 2px 6px);
}
.frame[data-removed=true] {
  outline: 1px dashed #1b5e20;
  outline-offset: -1px;
  color: #1b3d1f;
  background-image:
    repeating-linear-gradient(
      45deg,
      rgba(255, 255, 255, 0.55) 0 3px,
      transparent 3px 7px);
}
.frame.ancestor {
  opacity: 0.55;
}
#flame.searching .frame:not(.match) {
  opacity: 0.3;
}
.frame.match {
  box-shadow: inset 0 0 0 2px #0969da;
}
#tooltip {
  position: fixed;
  z-index: 10;
  pointer-events: none;
  background: #fff;
  border: 1px solid var(--border);
  border-radius: 6px;
  box-shadow: 0 4px 16px rgba(0, 0, 0, 0.18);
  padding: 8px 10px;
  max-width: 560px;
  font-size: 12px;
}
#tooltip .tt-name {
  font-family:
    ui-monospace,
    SFMono-Regular,
    Menlo,
    Consolas,
    monospace;
  font-weight: 600;
  word-break: break-all;
}
#tooltip dl {
  display: grid;
  grid-template-columns: auto 1fr;
  gap: 1px 10px;
  margin: 6px 0 0;
}
#tooltip dt {
  color: var(--muted);
}
#tooltip dd {
  margin: 0;
}
table {
  border-collapse: collapse;
  font-size: 13px;
}
th,
td {
  padding: 3px 8px;
  border-bottom: 1px solid var(--border);
  text-align: left;
  vertical-align: top;
}
th {
  background: var(--panel);
  white-space: nowrap;
}
#top th {
  cursor: pointer;
  user-select: none;
}
#top th[aria-sort=descending]::after {
  content: " ▾";
}
#top th[aria-sort=ascending]::after {
  content: " ▴";
}
td.num {
  text-align: right;
  white-space: nowrap;
  font-variant-numeric: tabular-nums;
}
td.up {
  color: var(--grow);
}
td.down {
  color: var(--shrink);
}
#top tr.match td {
  background: #ddf4ff;
}
tr.regression td:first-child {
  border-left: 3px solid var(--grow);
}
tr.improvement td:first-child {
  border-left: 3px solid var(--shrink);
}
.new {
  color: #6a1b9a;
  font-weight: 600;
}
#notes summary,
details > summary {
  cursor: pointer;
}
#notes {
  margin-top: 22px;
  color: var(--muted);
}
#notes summary {
  font-weight: 600;
}
pre {
  background: var(--panel);
  padding: 8px;
  overflow: auto;
  font-size: 12px;
}
`;

// src/render/html-report.ts
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
function jsonForScript(value) {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
}
function evidence3(f) {
  if (f.method === "exact") return "exact";
  if (f.p === void 0) return "";
  return `${formatPValue(f.p)}${f.method === "wilcoxon" ? " paired" : ""}`;
}
var td = (html, numeric = false) => `<td${numeric ? ' class="num"' : ""}>${html}</td>`;
function findingsTable2(fs) {
  const rows = fs.map((f) => {
    const [base, head2] = formatPair(f);
    const cells = [
      td(`<code>${escapeHtml(f.name)}</code>`),
      td(escapeHtml(f.unit)),
      td(escapeHtml(base), true),
      td(escapeHtml(head2), true),
      td(escapeHtml(formatChange(f)), true),
      td(escapeHtml(evidence3(f))),
      td(escapeHtml(f.verdict + (f.gated ? "" : " (not gated)")))
    ];
    return `<tr class="${escapeHtml(f.verdict)}">${cells.join("")}</tr>`;
  });
  const head = ["benchmark", "unit", "base", "head", "change", "evidence", "verdict"];
  return `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join("")}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}
function gateNotes(r) {
  return [...new Set(r.findings.flatMap((f) => f.notes.map((n) => `${f.name} ${f.unit}: ${n}`)))];
}
function gateSection(r) {
  const shown2 = /* @__PURE__ */ new Set([...r.regressions, ...r.improvements]);
  const others = bySeverity(r.findings.filter((f) => !shown2.has(f)));
  const regressions = bySeverity(r.regressions);
  const improvements = bySeverity(r.improvements);
  const parts = [
    `<h2>Benchmarks</h2>`,
    `<p><strong>${escapeHtml(verdictLine(r))}</strong></p>`,
    ...[...verdictNotes(r), ...r.notes].map((n) => `<p>⚠️ ${escapeHtml(n)}</p>`)
  ];
  if (regressions.length > 0) parts.push(`<h3>Regressions</h3>`, findingsTable2(regressions));
  if (improvements.length > 0) {
    parts.push(
      `<details><summary>Improvements (${improvements.length})</summary>${findingsTable2(improvements)}</details>`
    );
  }
  if (others.length > 0) {
    parts.push(
      `<details><summary>Other comparisons (${others.length})</summary>${findingsTable2(others)}</details>`
    );
  }
  return `<section id="benchmarks">${parts.join("\n")}</section>`;
}
function adviceHtml(text) {
  return escapeHtml(text).replace(/`([^`]+)`/g, "<code>$1</code>");
}
function hotspotsSection(hs) {
  const rows = hs.map((h) => {
    const where2 = h.site.file ? `<br><code class="muted">${escapeHtml(`${h.site.file}:${h.site.line}`)}</code>` : "";
    const bench = h.benchmark ? `<br><span class="muted">in <code>${escapeHtml(benchmarkLabel(h))}</code></span>` : "";
    const cells = [
      td(
        `${h.isNew ? '<span class="new">new</span> ' : ""}<code>${escapeHtml(h.site.fn)}</code>${where2}${bench}`
      ),
      td(escapeHtml(h.kind)),
      td(escapeHtml(allocatedText(h)), true),
      td(escapeHtml(cpuText(h)), true),
      td(adviceHtml(h.advice))
    ];
    return `<tr>${cells.join("")}</tr>`;
  });
  const head = ["site", "kind", "allocated (base → head)", "cpu", "advice"];
  return `<section id="hotspots"><h2>Allocation hotspots</h2><table><thead><tr>${head.map((x) => `<th>${x}</th>`).join("")}</tr></thead><tbody>${rows.join("")}</tbody></table></section>`;
}
function leakItem2(w) {
  const headline2 = leakHeadline(w, {
    code: (c) => `<code>${escapeHtml(c)}</code>`,
    text: escapeHtml
  });
  const stack = w.stack.map((f) => `${f.fn}
    ${f.file}:${f.line}`).join("\n");
  return `<li>⚠️ ${headline2}<br>Fix: ${escapeHtml(w.advice)}<details><summary>stack</summary><pre>${escapeHtml(stack)}</pre></details></li>`;
}
function notesSection(model) {
  const gate2 = model.gate;
  const notes = [
    ...model.graphs.length > 0 ? model.problems : [],
    ...gate2 ? gateNotes(gate2) : [],
    ...model.insights?.notes ?? []
  ];
  if (notes.length === 0) return "";
  const items = notes.map((n) => `<li>${escapeHtml(n)}</li>`).join("");
  return `<section id="notes"><details><summary>Notes (${notes.length})</summary><ul>${items}</ul></details></section>`;
}
function messageBox(model) {
  if (model.graphs.length > 0) return '<div id="message" role="status" hidden></div>';
  const lines = [
    "No profiles to show: this report has no profile with samples. Give perfgate head (and base) profiles such as cpu.pb.gz and allocs.pb.gz to get flame graphs."
  ];
  if (model.problems.length > 0) {
    lines.push(
      `${model.problems.length === 1 ? "A profile" : "Some profiles"} could not be shown:`
    );
  }
  const items = model.problems.map((p) => `<li>${escapeHtml(p)}</li>`).join("");
  const body = lines.map((l) => `<p>${escapeHtml(l)}</p>`).join("") + (items ? `<ul>${items}</ul>` : "");
  return `<div id="message" role="status">${body}</div>`;
}
var topColumns = [
  ["flat", "flat"],
  ["flatPct", "flat%"],
  ["cum", "cum"],
  ["cumPct", "cum%"],
  ["dflat", "Δflat"],
  ["dcum", "Δcum"],
  ["name", "function"]
];
function viewer(model) {
  if (model.graphs.length === 0) return "";
  const options = model.graphs.map((g, i) => `<option value="${i}">${escapeHtml(`${g.profile} · ${g.sampleType}`)}</option>`).join("");
  const headers = topColumns.map(([key, text]) => `<th data-key="${key}" title="sort by ${text}">${text}</th>`).join("");
  return `<section id="viewer" aria-label="Profiles">
<h2>Profiles</h2>
<div class="toolbar">
<label>Profile <select id="sample-type">${options}</select></label>
<input id="search" type="search" placeholder="Search functions" aria-label="Search functions">
<span id="search-info"></span>
<button id="reset-zoom" type="button" disabled>Reset zoom</button>
<label title="Colour by the change of each frame's share of its total, for runs of different lengths"><input id="by-share" type="checkbox"> colour by share</label>
<label title="Draw each frame as wide as its value in base: the frames head no longer has appear"><input id="base-widths" type="checkbox"> widths of base</label>
</div>
<div class="legend"><span class="l-grow">grew in head</span><span class="l-shrink">shrank</span><span class="l-same">unchanged</span><span class="l-new">new in head</span><span class="l-gone">gone in head (widths of base)</span><span>width: head, or base · click a frame to zoom, the root to reset</span></div>
<p id="totals"></p>
<div id="flame" aria-label="Differential flame graph"></div>
<h2>Top functions</h2>
<table id="top"><thead><tr>${headers}</tr></thead><tbody></tbody></table>
<p id="top-note"></p>
</section>`;
}
var tooltip = `<div id="tooltip" role="tooltip" hidden>
<div class="tt-name" data-field="name"></div>
<div class="muted" data-field="file"></div>
<dl><dt>base</dt><dd data-field="base"></dd><dt>head</dt><dd data-field="head"></dd><dt>delta</dt><dd data-field="delta"></dd><dt>share</dt><dd data-field="share"></dd></dl>
<div class="muted" data-field="gone"></div>
</div>`;
function generatedLine(iso) {
  const shown2 = iso.replace("T", " ").replace(/(:\d\d)(\.\d+)?Z$/, "$1 UTC");
  return `<span class="muted">generated <time datetime="${escapeHtml(iso)}">${escapeHtml(shown2)}</time></span>`;
}
var verdictSection = (model) => model.verdict ? '<section id="verdict" aria-label="Verdict" hidden></section>' : "";
var benchmarksSection = (model) => model.gate ? gateSection(model.gate) : "";
var historySection = (model) => model.history ? '<section id="history" aria-label="History" hidden></section>' : "";
var profilesSection = (model) => model.graphs.length === 0 ? "" : "<noscript><p>The flame graph and the top table need JavaScript; the other sections do not.</p></noscript>\n" + viewer(model);
var hotspots = (model) => model.insights && model.insights.hotspots.length > 0 ? hotspotsSection(model.insights.hotspots) : "";
var leaks = (model) => model.insights && model.insights.leaks.length > 0 ? `<section id="leaks"><h2>Goroutine leaks</h2><ul>${model.insights.leaks.map(leakItem2).join("")}</ul></section>` : "";
var reportSections = [
  messageBox,
  verdictSection,
  benchmarksSection,
  historySection,
  profilesSection,
  hotspots,
  leaks,
  notesSection
];
function renderHtmlReport(model, sections = reportSections) {
  const verdict = model.verdict?.verdict ?? model.gate?.verdict;
  const badge = verdict === "pass" || verdict === "fail" ? `<span class="badge ${verdict}">${verdict === "fail" ? "FAIL" : "PASS"}</span>` : "";
  const body = sections.map((section) => section(model)).filter((s) => s !== "");
  const data = jsonForScript(pageData(model));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(model.title)}</title>
<style>${pageStyle}</style>
</head>
<body>
<header><h1>${escapeHtml(model.title)}</h1>${badge}${generatedLine(model.generatedAt)}</header>
<main>
${body.join("\n")}
</main>
${tooltip}
<script type="application/json" id="data">${data}</script>
<script>${pageScript}</script>
</body>
</html>
`;
}

// src/cli/commands/report.ts
var reportUsage = `Usage: perfgate report <base profiles dir> <head profiles dir> [options]

Writes one self-contained HTML file (no network needed to view it): for every profile pair and
sample type a differential flame graph (width: head; colour: change against base) and a sortable
top table, plus allocation hotspots, goroutine leaks and, with --bench-base/--bench-head, the
benchmark comparison.

Options:
  -o, --out FILE        the HTML file to write (default: perfgate-report.html)
  --bench-base FILE     base benchmark output (go test -bench)
  --bench-head FILE     head benchmark output
  --source DIR          where the Go sources are, to name allocation kinds (default: .)
  --title TEXT          the report's title
  --stored-baseline     treat base as the action's \`baseline: <file>\` (timings do not gate)
  plus the gate's options: --max-regression, --alpha, --correction, --test

The verdict, its regressions and its counts are those of \`perfgate comment\` on the same inputs.
`;
async function runReport(argv, io) {
  const { values, positionals } = parseCommandArgs("report", argv, {
    out: { type: "string", short: "o" },
    "bench-base": { type: "string" },
    "bench-head": { type: "string" },
    source: { type: "string" },
    title: { type: "string" },
    "stored-baseline": { type: "boolean" },
    ...gateFlags
  });
  if (positionals.length !== 2) {
    throw new UserError(
      `perfgate report: expected two folders of profiles (base and head)

${reportUsage}`
    );
  }
  const [baseDir, headDir] = positionals;
  if (values["bench-base"] === void 0 !== (values["bench-head"] === void 0)) {
    const given = values["bench-base"] === void 0 ? "--bench-head" : "--bench-base";
    throw new UserError(
      `perfgate report: ${given} was given alone: --bench-base and --bench-head go together`
    );
  }
  let graphs;
  const { report, profiles } = await cliRun({
    benchBase: values["bench-base"],
    benchHead: values["bench-head"],
    baseProfiles: baseDir,
    headProfiles: headDir,
    baseGoroutines: void 0,
    headGoroutines: void 0,
    source: values.source ?? ".",
    stored: values["stored-baseline"] === true,
    key: "report",
    runUrl: void 0,
    gateValues: values,
    onProfiles: (read) => {
      graphs = startFlameGraphs(read.pairs);
    }
  });
  const model = await buildHtmlReportModel(
    values.title ?? `perfgate: ${baseDir} → ${headDir}`,
    profiles.pairs,
    report.gate,
    report.profiles,
    profiles.warnings,
    report,
    graphs
  );
  const out = values.out ?? "perfgate-report.html";
  await writeFile3(out, renderHtmlReport(model));
  io.stdout(`wrote ${out}: ${model.graphs.length} flame graphs; verdict: ${report.verdict}
`);
  return 0;
}

// src/cli/commands/top.ts
var topUsage = `Usage: perfgate top <profile> [options]

Lists the functions of a pprof profile (.pb.gz or raw protobuf) by flat value, with the
numbers and layout of \`go tool pprof -top\`.

Options:
  --sample-index NAME   sample type to show: a name (cpu, alloc_space, inuse_space, delay, ...)
                        or an index; default: the profile's default type
  --nodecount N         show at most N functions (default: all)
  --format FORMAT       text (default), markdown or json
  --max-decompressed-size SIZE
                        refuse profiles that decompress to more than SIZE (default 1GiB)
`;
function readTopSettings(argv) {
  const { values, positionals } = parseCommandArgs("top", argv, {
    "sample-index": { type: "string" },
    nodecount: { type: "string" },
    format: { type: "string" },
    "max-decompressed-size": { type: "string" }
  });
  if (positionals.length !== 1) {
    throw new UserError(
      `perfgate top: expected one profile file, got ${positionals.length}

${topUsage}`
    );
  }
  return {
    file: positionals[0],
    sampleIndex: values["sample-index"],
    nodeCount: values.nodecount === void 0 ? 0 : readInteger("--nodecount", values.nodecount, 1),
    format: readFormat(values.format, ["text", "markdown", "json"]),
    maxDecompressedBytes: values["max-decompressed-size"] === void 0 ? DEFAULT_MAX_DECOMPRESSED_BYTES : readByteSize("--max-decompressed-size", values["max-decompressed-size"])
  };
}
async function runTop(argv, io) {
  const settings = readTopSettings(argv);
  const bytes2 = await readInputFile(settings.file);
  let report;
  try {
    const profile = await readPprof(bytes2, {
      maxDecompressedBytes: settings.maxDecompressedBytes
    });
    const sampleIndex2 = resolveSampleIndex(profile, settings.sampleIndex);
    const table2 = functionTable([{ profile, sampleIndex: sampleIndex2 }]);
    report = topReport(profile, table2, {
      source: settings.file,
      sampleIndex: sampleIndex2,
      nodeCount: settings.nodeCount
    });
  } catch (err) {
    throw withSource(settings.file, err);
  }
  printAs(io, settings.format, report, {
    text: () => renderTopText(report),
    markdown: () => renderTopMarkdown(report)
  });
  return 0;
}

// src/version.ts
var VERSION = true ? "0.1.0" : "0.0.0-source";

// src/cli/main.ts
var commands = {
  top: { run: runTop, usage: topUsage },
  diff: { run: runDiff, usage: diffUsage },
  hotspots: { run: runHotspots, usage: hotspotsUsage },
  leaks: { run: runLeaks, usage: leaksUsage },
  compare: { run: runCompare, usage: compareUsage },
  gate: { run: runGate, usage: gateUsage },
  bench: { run: runBench, usage: benchUsage },
  comment: { run: runComment, usage: commentUsage },
  collect: { run: runCollect, usage: collectUsage },
  report: { run: runReport, usage: reportUsage },
  merge: { run: runMerge, usage: mergeUsage }
};
var usage = `Usage: perfgate <command> [options]

Commands:
  top <profile>           functions of a pprof profile by flat value (like go tool pprof -top)
  diff <base> <head>      what changed per function between two profiles (like -diff_base)
  hotspots <profiles>     allocation hotspots in your code, with advice
  leaks <before> <after>  goroutine groups that grew (leaks), by creation site and wait site
  compare <base> <head>   Go benchmark results side by side, with benchstat's statistics
  gate <base> <head>      the regression gate on two benchmark runs (exit 1 when it fails)
  bench --go ./...        run Go benchmarks (--base-ref REF: against a base commit, interleaved)
  bench --js suite.mjs    run a tinybench suite
  comment <base> <head>   the PR comment the action would post for two benchmark runs
  collect <url>           profiles from a running service's /debug/pprof endpoints
  report <base> <head>    a self-contained HTML report with differential flame graphs
  merge <shard-dir>...    the legs of a parallel run judged as one run (one comment)

Run \`perfgate <command> --help\` for a command's options.
`;
async function runCli(argv, io) {
  const [name, ...rest] = argv;
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    io.stdout(usage);
    return name === void 0 ? 2 : 0;
  }
  if (name === "--version") {
    io.stdout(`perfgate ${VERSION}
`);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`perfgate: unknown command "${name}"

${usage}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UserError) {
      io.stderr(`perfgate ${name}: ${err.message.replace(/^perfgate \w+: /, "")}
`);
      return err.exitCode;
    }
    throw err;
  }
}

// src/cli/io.ts
var terminalControls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
function terminalText(text) {
  return text.replace(terminalControls, "");
}
var processIO = {
  stdout: (text) => void process.stdout.write(terminalText(text)),
  stderr: (text) => void process.stderr.write(terminalText(text))
};
function endQuietlyOnClosedPipe() {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (err) => {
      if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
}

// src/cli/index.ts
endQuietlyOnClosedPipe();
process.exitCode = await runCli(process.argv.slice(2), processIO);
