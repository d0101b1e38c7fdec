import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  BUILTIN,
  CLUSTER_LOCAL_TRUST_DOMAIN,
  ConfigError,
  DOMAIN_SUFFIX,
  LEGACY_KIND,
  Model,
  NAMESPACE_LIST,
  VFile,
  arr,
  builtinUrl,
  checkAccess,
  claimsSeenWith,
  closest,
  conflictingCustomProviders,
  createProcessor,
  defineRule,
  destinationRuleIndex,
  docsUrl,
  effectiveMtls,
  envoyAcceptsTrustDomain,
  evaluatePolicies,
  exportToText,
  exportedTo,
  exportsOverlap,
  gatewayHostsFor,
  hostsOverlap,
  ignoreNamespacesSchema,
  ignoredNamespaceLabels,
  ingressUsesWaypoint,
  interpolate,
  isImplicitWaypointPolicy,
  isIstioGatewayWorkload,
  isKubernetesApiServer,
  isRecord,
  l7Uses,
  lint,
  listText,
  looksLikeWaypointPrincipal,
  matchNamespacePattern,
  matchPath,
  matchString,
  matchesLabels,
  meshRulePlugin,
  namespaceMode,
  normalizePath,
  normalizeSeverity,
  otterizeIdentity,
  parsePrincipal,
  parsePrincipalPattern,
  parseServiceAccountEntry,
  portProtocol,
  principalPatternMatches,
  quoted,
  registerRule,
  require_dist,
  resolveConfig,
  resolveHost,
  ruleNames,
  sendsToWaypoint,
  serviceHostNamespace,
  str,
  stringMap,
  stringifyPosition,
  targetPortOn,
  targetRefAttaches,
  targetRefTargets,
  toSelectingPolicy,
  validateRuleOptions,
  waypointLabel,
  waypointLikeEntries,
  waypointPolicies,
  waypointPrincipals,
  waypointsServing,
  ztunnelPoliciesFor,
  ztunnelPolicy
} from "./chunks/chunk-U5C5X2JA.js";
import {
  __commonJS,
  __toESM
} from "./chunks/chunk-2T2RU4N3.js";

// node_modules/eastasianwidth/eastasianwidth.js
var require_eastasianwidth = __commonJS({
  "node_modules/eastasianwidth/eastasianwidth.js"(exports, module) {
    var eaw = {};
    if ("undefined" == typeof module) {
      window.eastasianwidth = eaw;
    } else {
      module.exports = eaw;
    }
    eaw.eastAsianWidth = function(character) {
      var x = character.charCodeAt(0);
      var y = character.length == 2 ? character.charCodeAt(1) : 0;
      var codePoint = x;
      if (55296 <= x && x <= 56319 && (56320 <= y && y <= 57343)) {
        x &= 1023;
        y &= 1023;
        codePoint = x << 10 | y;
        codePoint += 65536;
      }
      if (12288 == codePoint || 65281 <= codePoint && codePoint <= 65376 || 65504 <= codePoint && codePoint <= 65510) {
        return "F";
      }
      if (8361 == codePoint || 65377 <= codePoint && codePoint <= 65470 || 65474 <= codePoint && codePoint <= 65479 || 65482 <= codePoint && codePoint <= 65487 || 65490 <= codePoint && codePoint <= 65495 || 65498 <= codePoint && codePoint <= 65500 || 65512 <= codePoint && codePoint <= 65518) {
        return "H";
      }
      if (4352 <= codePoint && codePoint <= 4447 || 4515 <= codePoint && codePoint <= 4519 || 4602 <= codePoint && codePoint <= 4607 || 9001 <= codePoint && codePoint <= 9002 || 11904 <= codePoint && codePoint <= 11929 || 11931 <= codePoint && codePoint <= 12019 || 12032 <= codePoint && codePoint <= 12245 || 12272 <= codePoint && codePoint <= 12283 || 12289 <= codePoint && codePoint <= 12350 || 12353 <= codePoint && codePoint <= 12438 || 12441 <= codePoint && codePoint <= 12543 || 12549 <= codePoint && codePoint <= 12589 || 12593 <= codePoint && codePoint <= 12686 || 12688 <= codePoint && codePoint <= 12730 || 12736 <= codePoint && codePoint <= 12771 || 12784 <= codePoint && codePoint <= 12830 || 12832 <= codePoint && codePoint <= 12871 || 12880 <= codePoint && codePoint <= 13054 || 13056 <= codePoint && codePoint <= 19903 || 19968 <= codePoint && codePoint <= 42124 || 42128 <= codePoint && codePoint <= 42182 || 43360 <= codePoint && codePoint <= 43388 || 44032 <= codePoint && codePoint <= 55203 || 55216 <= codePoint && codePoint <= 55238 || 55243 <= codePoint && codePoint <= 55291 || 63744 <= codePoint && codePoint <= 64255 || 65040 <= codePoint && codePoint <= 65049 || 65072 <= codePoint && codePoint <= 65106 || 65108 <= codePoint && codePoint <= 65126 || 65128 <= codePoint && codePoint <= 65131 || 110592 <= codePoint && codePoint <= 110593 || 127488 <= codePoint && codePoint <= 127490 || 127504 <= codePoint && codePoint <= 127546 || 127552 <= codePoint && codePoint <= 127560 || 127568 <= codePoint && codePoint <= 127569 || 131072 <= codePoint && codePoint <= 194367 || 177984 <= codePoint && codePoint <= 196605 || 196608 <= codePoint && codePoint <= 262141) {
        return "W";
      }
      if (32 <= codePoint && codePoint <= 126 || 162 <= codePoint && codePoint <= 163 || 165 <= codePoint && codePoint <= 166 || 172 == codePoint || 175 == codePoint || 10214 <= codePoint && codePoint <= 10221 || 10629 <= codePoint && codePoint <= 10630) {
        return "Na";
      }
      if (161 == codePoint || 164 == codePoint || 167 <= codePoint && codePoint <= 168 || 170 == codePoint || 173 <= codePoint && codePoint <= 174 || 176 <= codePoint && codePoint <= 180 || 182 <= codePoint && codePoint <= 186 || 188 <= codePoint && codePoint <= 191 || 198 == codePoint || 208 == codePoint || 215 <= codePoint && codePoint <= 216 || 222 <= codePoint && codePoint <= 225 || 230 == codePoint || 232 <= codePoint && codePoint <= 234 || 236 <= codePoint && codePoint <= 237 || 240 == codePoint || 242 <= codePoint && codePoint <= 243 || 247 <= codePoint && codePoint <= 250 || 252 == codePoint || 254 == codePoint || 257 == codePoint || 273 == codePoint || 275 == codePoint || 283 == codePoint || 294 <= codePoint && codePoint <= 295 || 299 == codePoint || 305 <= codePoint && codePoint <= 307 || 312 == codePoint || 319 <= codePoint && codePoint <= 322 || 324 == codePoint || 328 <= codePoint && codePoint <= 331 || 333 == codePoint || 338 <= codePoint && codePoint <= 339 || 358 <= codePoint && codePoint <= 359 || 363 == codePoint || 462 == codePoint || 464 == codePoint || 466 == codePoint || 468 == codePoint || 470 == codePoint || 472 == codePoint || 474 == codePoint || 476 == codePoint || 593 == codePoint || 609 == codePoint || 708 == codePoint || 711 == codePoint || 713 <= codePoint && codePoint <= 715 || 717 == codePoint || 720 == codePoint || 728 <= codePoint && codePoint <= 731 || 733 == codePoint || 735 == codePoint || 768 <= codePoint && codePoint <= 879 || 913 <= codePoint && codePoint <= 929 || 931 <= codePoint && codePoint <= 937 || 945 <= codePoint && codePoint <= 961 || 963 <= codePoint && codePoint <= 969 || 1025 == codePoint || 1040 <= codePoint && codePoint <= 1103 || 1105 == codePoint || 8208 == codePoint || 8211 <= codePoint && codePoint <= 8214 || 8216 <= codePoint && codePoint <= 8217 || 8220 <= codePoint && codePoint <= 8221 || 8224 <= codePoint && codePoint <= 8226 || 8228 <= codePoint && codePoint <= 8231 || 8240 == codePoint || 8242 <= codePoint && codePoint <= 8243 || 8245 == codePoint || 8251 == codePoint || 8254 == codePoint || 8308 == codePoint || 8319 == codePoint || 8321 <= codePoint && codePoint <= 8324 || 8364 == codePoint || 8451 == codePoint || 8453 == codePoint || 8457 == codePoint || 8467 == codePoint || 8470 == codePoint || 8481 <= codePoint && codePoint <= 8482 || 8486 == codePoint || 8491 == codePoint || 8531 <= codePoint && codePoint <= 8532 || 8539 <= codePoint && codePoint <= 8542 || 8544 <= codePoint && codePoint <= 8555 || 8560 <= codePoint && codePoint <= 8569 || 8585 == codePoint || 8592 <= codePoint && codePoint <= 8601 || 8632 <= codePoint && codePoint <= 8633 || 8658 == codePoint || 8660 == codePoint || 8679 == codePoint || 8704 == codePoint || 8706 <= codePoint && codePoint <= 8707 || 8711 <= codePoint && codePoint <= 8712 || 8715 == codePoint || 8719 == codePoint || 8721 == codePoint || 8725 == codePoint || 8730 == codePoint || 8733 <= codePoint && codePoint <= 8736 || 8739 == codePoint || 8741 == codePoint || 8743 <= codePoint && codePoint <= 8748 || 8750 == codePoint || 8756 <= codePoint && codePoint <= 8759 || 8764 <= codePoint && codePoint <= 8765 || 8776 == codePoint || 8780 == codePoint || 8786 == codePoint || 8800 <= codePoint && codePoint <= 8801 || 8804 <= codePoint && codePoint <= 8807 || 8810 <= codePoint && codePoint <= 8811 || 8814 <= codePoint && codePoint <= 8815 || 8834 <= codePoint && codePoint <= 8835 || 8838 <= codePoint && codePoint <= 8839 || 8853 == codePoint || 8857 == codePoint || 8869 == codePoint || 8895 == codePoint || 8978 == codePoint || 9312 <= codePoint && codePoint <= 9449 || 9451 <= codePoint && codePoint <= 9547 || 9552 <= codePoint && codePoint <= 9587 || 9600 <= codePoint && codePoint <= 9615 || 9618 <= codePoint && codePoint <= 9621 || 9632 <= codePoint && codePoint <= 9633 || 9635 <= codePoint && codePoint <= 9641 || 9650 <= codePoint && codePoint <= 9651 || 9654 <= codePoint && codePoint <= 9655 || 9660 <= codePoint && codePoint <= 9661 || 9664 <= codePoint && codePoint <= 9665 || 9670 <= codePoint && codePoint <= 9672 || 9675 == codePoint || 9678 <= codePoint && codePoint <= 9681 || 9698 <= codePoint && codePoint <= 9701 || 9711 == codePoint || 9733 <= codePoint && codePoint <= 9734 || 9737 == codePoint || 9742 <= codePoint && codePoint <= 9743 || 9748 <= codePoint && codePoint <= 9749 || 9756 == codePoint || 9758 == codePoint || 9792 == codePoint || 9794 == codePoint || 9824 <= codePoint && codePoint <= 9825 || 9827 <= codePoint && codePoint <= 9829 || 9831 <= codePoint && codePoint <= 9834 || 9836 <= codePoint && codePoint <= 9837 || 9839 == codePoint || 9886 <= codePoint && codePoint <= 9887 || 9918 <= codePoint && codePoint <= 9919 || 9924 <= codePoint && codePoint <= 9933 || 9935 <= codePoint && codePoint <= 9953 || 9955 == codePoint || 9960 <= codePoint && codePoint <= 9983 || 10045 == codePoint || 10071 == codePoint || 10102 <= codePoint && codePoint <= 10111 || 11093 <= codePoint && codePoint <= 11097 || 12872 <= codePoint && codePoint <= 12879 || 57344 <= codePoint && codePoint <= 63743 || 65024 <= codePoint && codePoint <= 65039 || 65533 == codePoint || 127232 <= codePoint && codePoint <= 127242 || 127248 <= codePoint && codePoint <= 127277 || 127280 <= codePoint && codePoint <= 127337 || 127344 <= codePoint && codePoint <= 127386 || 917760 <= codePoint && codePoint <= 917999 || 983040 <= codePoint && codePoint <= 1048573 || 1048576 <= codePoint && codePoint <= 1114109) {
        return "A";
      }
      return "N";
    };
    eaw.characterLength = function(character) {
      var code = this.eastAsianWidth(character);
      if (code == "F" || code == "W" || code == "A") {
        return 2;
      } else {
        return 1;
      }
    };
    function stringToArray(string) {
      return string.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[^\uD800-\uDFFF]/g) || [];
    }
    eaw.length = function(string) {
      var characters = stringToArray(string);
      var len = 0;
      for (var i = 0; i < characters.length; i++) {
        len = len + this.characterLength(characters[i]);
      }
      return len;
    };
    eaw.slice = function(text, start, end) {
      textLen = eaw.length(text);
      start = start ? start : 0;
      end = end ? end : 1;
      if (start < 0) {
        start = textLen + start;
      }
      if (end < 0) {
        end = textLen + end;
      }
      var result = "";
      var eawLen = 0;
      var chars = stringToArray(text);
      for (var i = 0; i < chars.length; i++) {
        var char = chars[i];
        var charLen = eaw.length(char);
        if (eawLen >= start - (charLen == 2 ? 1 : 0)) {
          if (eawLen + charLen <= end) {
            result += char;
          } else {
            break;
          }
        }
        eawLen += charLen;
      }
      return result;
    };
  }
});

// node_modules/emoji-regex/index.js
var require_emoji_regex = __commonJS({
  "node_modules/emoji-regex/index.js"(exports, module) {
    module.exports = () => {
      return /[#*0-9]\uFE0F?\u20E3|[\xA9\xAE\u203C\u2049\u2122\u2139\u2194-\u2199\u21A9\u21AA\u231A\u231B\u2328\u23CF\u23ED-\u23EF\u23F1\u23F2\u23F8-\u23FA\u24C2\u25AA\u25AB\u25B6\u25C0\u25FB\u25FC\u25FE\u2600-\u2604\u260E\u2611\u2614\u2615\u2618\u2620\u2622\u2623\u2626\u262A\u262E\u262F\u2638-\u263A\u2640\u2642\u2648-\u2653\u265F\u2660\u2663\u2665\u2666\u2668\u267B\u267E\u267F\u2692\u2694-\u2697\u2699\u269B\u269C\u26A0\u26A7\u26AA\u26B0\u26B1\u26BD\u26BE\u26C4\u26C8\u26CF\u26D1\u26E9\u26F0-\u26F5\u26F7\u26F8\u26FA\u2702\u2708\u2709\u270F\u2712\u2714\u2716\u271D\u2721\u2733\u2734\u2744\u2747\u2757\u2763\u27A1\u2934\u2935\u2B05-\u2B07\u2B1B\u2B1C\u2B55\u3030\u303D\u3297\u3299]\uFE0F?|[\u261D\u270C\u270D](?:\uD83C[\uDFFB-\uDFFF]|\uFE0F)?|[\u270A\u270B](?:\uD83C[\uDFFB-\uDFFF])?|[\u23E9-\u23EC\u23F0\u23F3\u25FD\u2693\u26A1\u26AB\u26C5\u26CE\u26D4\u26EA\u26FD\u2705\u2728\u274C\u274E\u2753-\u2755\u2795-\u2797\u27B0\u27BF\u2B50]|\u26D3\uFE0F?(?:\u200D\uD83D\uDCA5)?|\u26F9(?:\uD83C[\uDFFB-\uDFFF]|\uFE0F)?(?:\u200D[\u2640\u2642]\uFE0F?)?|\u2764\uFE0F?(?:\u200D(?:\uD83D\uDD25|\uD83E\uDE79))?|\uD83C(?:[\uDC04\uDD70\uDD71\uDD7E\uDD7F\uDE02\uDE37\uDF21\uDF24-\uDF2C\uDF36\uDF7D\uDF96\uDF97\uDF99-\uDF9B\uDF9E\uDF9F\uDFCD\uDFCE\uDFD4-\uDFDF\uDFF5\uDFF7]\uFE0F?|[\uDF85\uDFC2\uDFC7](?:\uD83C[\uDFFB-\uDFFF])?|[\uDFC4\uDFCA](?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D[\u2640\u2642]\uFE0F?)?|[\uDFCB\uDFCC](?:\uD83C[\uDFFB-\uDFFF]|\uFE0F)?(?:\u200D[\u2640\u2642]\uFE0F?)?|[\uDCCF\uDD8E\uDD91-\uDD9A\uDE01\uDE1A\uDE2F\uDE32-\uDE36\uDE38-\uDE3A\uDE50\uDE51\uDF00-\uDF20\uDF2D-\uDF35\uDF37-\uDF43\uDF45-\uDF4A\uDF4C-\uDF7C\uDF7E-\uDF84\uDF86-\uDF93\uDFA0-\uDFC1\uDFC5\uDFC6\uDFC8\uDFC9\uDFCF-\uDFD3\uDFE0-\uDFF0\uDFF8-\uDFFF]|\uDDE6\uD83C[\uDDE8-\uDDEC\uDDEE\uDDF1\uDDF2\uDDF4\uDDF6-\uDDFA\uDDFC\uDDFD\uDDFF]|\uDDE7\uD83C[\uDDE6\uDDE7\uDDE9-\uDDEF\uDDF1-\uDDF4\uDDF6-\uDDF9\uDDFB\uDDFC\uDDFE\uDDFF]|\uDDE8\uD83C[\uDDE6\uDDE8\uDDE9\uDDEB-\uDDEE\uDDF0-\uDDF7\uDDFA-\uDDFF]|\uDDE9\uD83C[\uDDEA\uDDEC\uDDEF\uDDF0\uDDF2\uDDF4\uDDFF]|\uDDEA\uD83C[\uDDE6\uDDE8\uDDEA\uDDEC\uDDED\uDDF7-\uDDFA]|\uDDEB\uD83C[\uDDEE-\uDDF0\uDDF2\uDDF4\uDDF7]|\uDDEC\uD83C[\uDDE6\uDDE7\uDDE9-\uDDEE\uDDF1-\uDDF3\uDDF5-\uDDFA\uDDFC\uDDFE]|\uDDED\uD83C[\uDDF0\uDDF2\uDDF3\uDDF7\uDDF9\uDDFA]|\uDDEE\uD83C[\uDDE8-\uDDEA\uDDF1-\uDDF4\uDDF6-\uDDF9]|\uDDEF\uD83C[\uDDEA\uDDF2\uDDF4\uDDF5]|\uDDF0\uD83C[\uDDEA\uDDEC-\uDDEE\uDDF2\uDDF3\uDDF5\uDDF7\uDDFC\uDDFE\uDDFF]|\uDDF1\uD83C[\uDDE6-\uDDE8\uDDEE\uDDF0\uDDF7-\uDDFB\uDDFE]|\uDDF2\uD83C[\uDDE6\uDDE8-\uDDED\uDDF0-\uDDFF]|\uDDF3\uD83C[\uDDE6\uDDE8\uDDEA-\uDDEC\uDDEE\uDDF1\uDDF4\uDDF5\uDDF7\uDDFA\uDDFF]|\uDDF4\uD83C\uDDF2|\uDDF5\uD83C[\uDDE6\uDDEA-\uDDED\uDDF0-\uDDF3\uDDF7-\uDDF9\uDDFC\uDDFE]|\uDDF6\uD83C\uDDE6|\uDDF7\uD83C[\uDDEA\uDDF4\uDDF8\uDDFA\uDDFC]|\uDDF8\uD83C[\uDDE6-\uDDEA\uDDEC-\uDDF4\uDDF7-\uDDF9\uDDFB\uDDFD-\uDDFF]|\uDDF9\uD83C[\uDDE6\uDDE8\uDDE9\uDDEB-\uDDED\uDDEF-\uDDF4\uDDF7\uDDF9\uDDFB\uDDFC\uDDFF]|\uDDFA\uD83C[\uDDE6\uDDEC\uDDF2\uDDF3\uDDF8\uDDFE\uDDFF]|\uDDFB\uD83C[\uDDE6\uDDE8\uDDEA\uDDEC\uDDEE\uDDF3\uDDFA]|\uDDFC\uD83C[\uDDEB\uDDF8]|\uDDFD\uD83C\uDDF0|\uDDFE\uD83C[\uDDEA\uDDF9]|\uDDFF\uD83C[\uDDE6\uDDF2\uDDFC]|\uDF44(?:\u200D\uD83D\uDFEB)?|\uDF4B(?:\u200D\uD83D\uDFE9)?|\uDFC3(?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D(?:[\u2640\u2642]\uFE0F?(?:\u200D\u27A1\uFE0F?)?|\u27A1\uFE0F?))?|\uDFF3\uFE0F?(?:\u200D(?:\u26A7\uFE0F?|\uD83C\uDF08))?|\uDFF4(?:\u200D\u2620\uFE0F?|\uDB40\uDC67\uDB40\uDC62\uDB40(?:\uDC65\uDB40\uDC6E\uDB40\uDC67|\uDC73\uDB40\uDC63\uDB40\uDC74|\uDC77\uDB40\uDC6C\uDB40\uDC73)\uDB40\uDC7F)?)|\uD83D(?:[\uDC3F\uDCFD\uDD49\uDD4A\uDD6F\uDD70\uDD73\uDD76-\uDD79\uDD87\uDD8A-\uDD8D\uDDA5\uDDA8\uDDB1\uDDB2\uDDBC\uDDC2-\uDDC4\uDDD1-\uDDD3\uDDDC-\uDDDE\uDDE1\uDDE3\uDDE8\uDDEF\uDDF3\uDDFA\uDECB\uDECD-\uDECF\uDEE0-\uDEE5\uDEE9\uDEF0\uDEF3]\uFE0F?|[\uDC42\uDC43\uDC46-\uDC50\uDC66\uDC67\uDC6B-\uDC6D\uDC72\uDC74-\uDC76\uDC78\uDC7C\uDC83\uDC85\uDC8F\uDC91\uDCAA\uDD7A\uDD95\uDD96\uDE4C\uDE4F\uDEC0\uDECC](?:\uD83C[\uDFFB-\uDFFF])?|[\uDC6E-\uDC71\uDC73\uDC77\uDC81\uDC82\uDC86\uDC87\uDE45-\uDE47\uDE4B\uDE4D\uDE4E\uDEA3\uDEB4\uDEB5](?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D[\u2640\u2642]\uFE0F?)?|[\uDD74\uDD90](?:\uD83C[\uDFFB-\uDFFF]|\uFE0F)?|[\uDC00-\uDC07\uDC09-\uDC14\uDC16-\uDC25\uDC27-\uDC3A\uDC3C-\uDC3E\uDC40\uDC44\uDC45\uDC51-\uDC65\uDC6A\uDC79-\uDC7B\uDC7D-\uDC80\uDC84\uDC88-\uDC8E\uDC90\uDC92-\uDCA9\uDCAB-\uDCFC\uDCFF-\uDD3D\uDD4B-\uDD4E\uDD50-\uDD67\uDDA4\uDDFB-\uDE2D\uDE2F-\uDE34\uDE37-\uDE41\uDE43\uDE44\uDE48-\uDE4A\uDE80-\uDEA2\uDEA4-\uDEB3\uDEB7-\uDEBF\uDEC1-\uDEC5\uDED0-\uDED2\uDED5-\uDED8\uDEDC-\uDEDF\uDEEB\uDEEC\uDEF4-\uDEFC\uDFE0-\uDFEB\uDFF0]|\uDC08(?:\u200D\u2B1B)?|\uDC15(?:\u200D\uD83E\uDDBA)?|\uDC26(?:\u200D(?:\u2B1B|\uD83D\uDD25))?|\uDC3B(?:\u200D\u2744\uFE0F?)?|\uDC41\uFE0F?(?:\u200D\uD83D\uDDE8\uFE0F?)?|\uDC68(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDC68\uDC69]\u200D\uD83D(?:\uDC66(?:\u200D\uD83D\uDC66)?|\uDC67(?:\u200D\uD83D[\uDC66\uDC67])?)|[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC66(?:\u200D\uD83D\uDC66)?|\uDC67(?:\u200D\uD83D[\uDC66\uDC67])?)|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]))|\uD83C(?:\uDFFB(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC68\uD83C[\uDFFC-\uDFFF])|\uD83E(?:[\uDD1D\uDEEF]\u200D\uD83D\uDC68\uD83C[\uDFFC-\uDFFF]|[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3])))?|\uDFFC(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC68\uD83C[\uDFFB\uDFFD-\uDFFF])|\uD83E(?:[\uDD1D\uDEEF]\u200D\uD83D\uDC68\uD83C[\uDFFB\uDFFD-\uDFFF]|[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3])))?|\uDFFD(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC68\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])|\uD83E(?:[\uDD1D\uDEEF]\u200D\uD83D\uDC68\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF]|[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3])))?|\uDFFE(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC68\uD83C[\uDFFB-\uDFFD\uDFFF])|\uD83E(?:[\uDD1D\uDEEF]\u200D\uD83D\uDC68\uD83C[\uDFFB-\uDFFD\uDFFF]|[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3])))?|\uDFFF(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC68\uD83C[\uDFFB-\uDFFE])|\uD83E(?:[\uDD1D\uDEEF]\u200D\uD83D\uDC68\uD83C[\uDFFB-\uDFFE]|[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3])))?))?|\uDC69(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?[\uDC68\uDC69]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC66(?:\u200D\uD83D\uDC66)?|\uDC67(?:\u200D\uD83D[\uDC66\uDC67])?|\uDC69\u200D\uD83D(?:\uDC66(?:\u200D\uD83D\uDC66)?|\uDC67(?:\u200D\uD83D[\uDC66\uDC67])?))|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]))|\uD83C(?:\uDFFB(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:[\uDC68\uDC69]|\uDC8B\u200D\uD83D[\uDC68\uDC69])\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC69\uD83C[\uDFFC-\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]|\uDD1D\u200D\uD83D[\uDC68\uDC69]\uD83C[\uDFFC-\uDFFF]|\uDEEF\u200D\uD83D\uDC69\uD83C[\uDFFC-\uDFFF])))?|\uDFFC(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:[\uDC68\uDC69]|\uDC8B\u200D\uD83D[\uDC68\uDC69])\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC69\uD83C[\uDFFB\uDFFD-\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]|\uDD1D\u200D\uD83D[\uDC68\uDC69]\uD83C[\uDFFB\uDFFD-\uDFFF]|\uDEEF\u200D\uD83D\uDC69\uD83C[\uDFFB\uDFFD-\uDFFF])))?|\uDFFD(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:[\uDC68\uDC69]|\uDC8B\u200D\uD83D[\uDC68\uDC69])\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC69\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]|\uDD1D\u200D\uD83D[\uDC68\uDC69]\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF]|\uDEEF\u200D\uD83D\uDC69\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])))?|\uDFFE(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:[\uDC68\uDC69]|\uDC8B\u200D\uD83D[\uDC68\uDC69])\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC69\uD83C[\uDFFB-\uDFFD\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]|\uDD1D\u200D\uD83D[\uDC68\uDC69]\uD83C[\uDFFB-\uDFFD\uDFFF]|\uDEEF\u200D\uD83D\uDC69\uD83C[\uDFFB-\uDFFD\uDFFF])))?|\uDFFF(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:[\uDC68\uDC69]|\uDC8B\u200D\uD83D[\uDC68\uDC69])\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC69\uD83C[\uDFFB-\uDFFE])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]|\uDD1D\u200D\uD83D[\uDC68\uDC69]\uD83C[\uDFFB-\uDFFE]|\uDEEF\u200D\uD83D\uDC69\uD83C[\uDFFB-\uDFFE])))?))?|\uDD75(?:\uD83C[\uDFFB-\uDFFF]|\uFE0F)?(?:\u200D[\u2640\u2642]\uFE0F?)?|\uDE2E(?:\u200D\uD83D\uDCA8)?|\uDE35(?:\u200D\uD83D\uDCAB)?|\uDE36(?:\u200D\uD83C\uDF2B\uFE0F?)?|\uDE42(?:\u200D[\u2194\u2195]\uFE0F?)?|\uDEB6(?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D(?:[\u2640\u2642]\uFE0F?(?:\u200D\u27A1\uFE0F?)?|\u27A1\uFE0F?))?)|\uD83E(?:[\uDD0C\uDD0F\uDD18-\uDD1F\uDD30-\uDD34\uDD36\uDD77\uDDB5\uDDB6\uDDBB\uDDD2\uDDD3\uDDD5\uDEC3-\uDEC5\uDEF0\uDEF2-\uDEF8](?:\uD83C[\uDFFB-\uDFFF])?|[\uDD26\uDD35\uDD37-\uDD39\uDD3C-\uDD3E\uDDB8\uDDB9\uDDCD\uDDCF\uDDD4\uDDD6-\uDDDD](?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D[\u2640\u2642]\uFE0F?)?|[\uDDDE\uDDDF](?:\u200D[\u2640\u2642]\uFE0F?)?|[\uDD0D\uDD0E\uDD10-\uDD17\uDD20-\uDD25\uDD27-\uDD2F\uDD3A\uDD3F-\uDD45\uDD47-\uDD76\uDD78-\uDDB4\uDDB7\uDDBA\uDDBC-\uDDCC\uDDD0\uDDE0-\uDDFF\uDE70-\uDE7C\uDE80-\uDE8A\uDE8E-\uDEC2\uDEC6\uDEC8\uDECD-\uDEDC\uDEDF-\uDEEA\uDEEF]|\uDDCE(?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D(?:[\u2640\u2642]\uFE0F?(?:\u200D\u27A1\uFE0F?)?|\u27A1\uFE0F?))?|\uDDD1(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1|\uDDD1\u200D\uD83E\uDDD2(?:\u200D\uD83E\uDDD2)?|\uDDD2(?:\u200D\uD83E\uDDD2)?))|\uD83C(?:\uDFFB(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D(?:\uD83D\uDC8B\u200D)?\uD83E\uDDD1\uD83C[\uDFFC-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83E\uDDD1\uD83C[\uDFFC-\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFF]|\uDEEF\u200D\uD83E\uDDD1\uD83C[\uDFFC-\uDFFF])))?|\uDFFC(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D(?:\uD83D\uDC8B\u200D)?\uD83E\uDDD1\uD83C[\uDFFB\uDFFD-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83E\uDDD1\uD83C[\uDFFB\uDFFD-\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFF]|\uDEEF\u200D\uD83E\uDDD1\uD83C[\uDFFB\uDFFD-\uDFFF])))?|\uDFFD(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D(?:\uD83D\uDC8B\u200D)?\uD83E\uDDD1\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83E\uDDD1\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFF]|\uDEEF\u200D\uD83E\uDDD1\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])))?|\uDFFE(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D(?:\uD83D\uDC8B\u200D)?\uD83E\uDDD1\uD83C[\uDFFB-\uDFFD\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFD\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFF]|\uDEEF\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFD\uDFFF])))?|\uDFFF(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D(?:\uD83D\uDC8B\u200D)?\uD83E\uDDD1\uD83C[\uDFFB-\uDFFE]|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFE])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFF]|\uDEEF\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFE])))?))?|\uDEF1(?:\uD83C(?:\uDFFB(?:\u200D\uD83E\uDEF2\uD83C[\uDFFC-\uDFFF])?|\uDFFC(?:\u200D\uD83E\uDEF2\uD83C[\uDFFB\uDFFD-\uDFFF])?|\uDFFD(?:\u200D\uD83E\uDEF2\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])?|\uDFFE(?:\u200D\uD83E\uDEF2\uD83C[\uDFFB-\uDFFD\uDFFF])?|\uDFFF(?:\u200D\uD83E\uDEF2\uD83C[\uDFFB-\uDFFE])?))?)/g;
    };
  }
});

// src/index.ts
import { resolve as resolve3 } from "node:path";

// src/engine/plugins.ts
import { createRequire } from "node:module";
import { isAbsolute, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
var PREFIX = /^[a-z0-9]+(-[a-z0-9]+)*$/;
async function loadPlugins(config, policy) {
  const entries2 = Object.entries(config.plugins ?? {});
  if (entries2.length === 0) return [];
  const where = config.file ?? "the configuration";
  if (!policy.allowed) {
    throw new ConfigError(
      `${where}: names plugin${entries2.length > 1 ? "s" : ""} ${entries2.map(([p]) => `"${p}"`).join(", ")}; plugins run code, so meshlint loads them only when asked. Run with --plugins (or MESHLINT_PLUGINS=1, or plugins: true in the API).`
    );
  }
  const rules = [];
  for (const [prefix, specifier] of entries2) {
    if (!PREFIX.test(prefix)) throw new ConfigError(`${where}: plugins.${prefix}: a plugin prefix is lowercase words joined by "-"`);
    const plugin = await importPlugin(prefix, specifier, config.base, where);
    for (const [name, definition] of Object.entries(plugin.rules).sort(([a], [b]) => a < b ? -1 : 1)) {
      if (!PREFIX.test(name)) throw new ConfigError(`${where}: plugin "${prefix}" has a rule named "${name}"; rule names are lowercase words joined by "-"`);
      if (!isRuleDefinition(definition)) {
        throw new ConfigError(`${where}: plugin "${prefix}": rule "${name}" is not a rule definition (meta.docs.description, meta.messages, meta.schema, meta.defaultSeverity and create() are required)`);
      }
      rules.push(registerRule(`${prefix}/${name}`, definition, definition.meta.docs.url ?? ""));
    }
  }
  return rules;
}
async function importPlugin(prefix, specifier, base, where) {
  let file;
  try {
    file = specifier.startsWith(".") || isAbsolute(specifier) ? resolve(base, specifier) : createRequire(join(base, "noop.js")).resolve(specifier);
  } catch {
    throw new ConfigError(`${where}: plugins.${prefix}: cannot find "${specifier}" (a path relative to the configuration file, or a package installed beside it)`);
  }
  let mod;
  try {
    mod = await import(pathToFileURL(file).href);
  } catch (err) {
    const text = err instanceof Error ? err.message.split("\n")[0] : String(err);
    throw new ConfigError(`${where}: plugins.${prefix}: loading ${specifier} failed: ${text}`);
  }
  const plugin = mod.default ?? mod;
  if (!plugin || typeof plugin !== "object" || typeof plugin.rules !== "object" || plugin.rules === null) {
    throw new ConfigError(`${where}: plugins.${prefix}: ${specifier} does not export a plugin (export default { rules: { \u2026 } })`);
  }
  return plugin;
}
function isRuleDefinition(v) {
  const r = v;
  const m = r?.meta;
  return typeof r === "object" && r !== null && typeof r.create === "function" && typeof m?.docs?.description === "string" && typeof m.messages === "object" && Array.isArray(m.schema) && (m.defaultSeverity === "warn" || m.defaultSeverity === "error");
}

// src/authz/subsume.ts
function patternCovers(outer, inner) {
  if (outer === "*") return true;
  if (inner === "*") return false;
  if (outer.startsWith("*")) {
    const suf = outer.slice(1);
    if (inner.startsWith("*")) return inner.slice(1).endsWith(suf);
    if (inner.endsWith("*")) return false;
    return inner.endsWith(suf);
  }
  if (outer.endsWith("*")) {
    const pre = outer.slice(0, -1);
    if (inner.endsWith("*")) return inner.slice(0, -1).startsWith(pre);
    if (inner.startsWith("*")) return false;
    return inner.startsWith(pre);
  }
  return outer === inner;
}
function strings(v) {
  return arr(v).filter((x) => typeof x === "string");
}
var hasValues = (v) => Array.isArray(v) && v.length > 0;
function valuesCover(outerValues, innerValues, exact) {
  if (innerValues.length === 0) return false;
  return innerValues.every((iv) => outerValues.some((ov) => exact ? ov === iv : patternCovers(ov, iv)));
}
var PATTERN_FIELDS = /* @__PURE__ */ new Set(["principals", "namespaces", "requestPrincipals", "hosts", "paths"]);
function entryCovers(outer, inner) {
  for (const [key2, val] of Object.entries(outer)) {
    if (!hasValues(val)) continue;
    if (key2.startsWith("not")) {
      const inNot = strings(inner[key2]);
      if (!strings(val).every((v) => inNot.includes(v))) return false;
      continue;
    }
    const exact = !PATTERN_FIELDS.has(key2) || key2 === "paths" && strings(val).some((p) => p.includes("{"));
    if (!valuesCover(strings(val), strings(inner[key2]), exact)) return false;
  }
  return true;
}
function listCovers(outer, inner, field) {
  if (outer.length === 0) return true;
  if (inner.length === 0) return false;
  const get = (e) => isRecord(e) && isRecord(e[field]) ? e[field] : {};
  return inner.every((ie) => outer.some((oe) => entryCovers(get(oe), get(ie))));
}
function whenCovers(outer, inner) {
  return outer.every((oc) => {
    if (!isRecord(oc) || typeof oc.key !== "string") return false;
    if (hasValues(oc.notValues)) return false;
    const ov = strings(oc.values);
    return inner.some((ic) => isRecord(ic) && ic.key === oc.key && !hasValues(ic.notValues) && valuesCover(ov, strings(ic.values), false));
  });
}
function ruleCovers(outer, inner) {
  if (!isRecord(outer) || !isRecord(inner)) return false;
  return listCovers(arr(outer.from), arr(inner.from), "source") && listCovers(arr(outer.to), arr(inner.to), "operation") && whenCovers(arr(outer.when), arr(inner.when));
}

// src/model/reads.ts
var WORKLOADS = ["Workload"];
var READS = {
  /** `workloads`, `workloadsIn`, `workloadNamespaces`, `selectWorkloads`, `labelValues`, `labelKeys`, `servicePods`, `policyWorkloads`, `knowsWorkloadsOf`, `identityOf`. */
  workloads: WORKLOADS,
  /** `services`, `service`, `servicesOf`, `hostOf`. */
  services: ["Service", ...WORKLOADS],
  /** `ownersOf`, `identitiesIn`, `allIdentities` (workloads, waypoints and Istio gateways). */
  identities: ["Gateway", ...WORKLOADS],
  /** `serviceAccount`, `serviceAccountsIn`. */
  serviceAccounts: ["ServiceAccount"],
  /** `gateways`, `gateway`: Gateway API Gateways (waypoints among them). */
  gateways: ["Gateway"],
  /** `istioGateways`, `istioGateway`, `istioGatewayOf`. */
  istioGateways: ["IstioGateway"],
  /** `hosts`, `knowsHost`, `missingServiceHostNamespace`, `serviceEntries`, `serviceEntryOf`, `serviceEntryPortsByHostPort`. */
  hosts: ["Service", "ServiceEntry"],
  /** `virtualServices`, `virtualServiceOf`, `meshVirtualServicesByHost`. */
  virtualServices: ["VirtualService"],
  /** `authorizationPolicies`, `policiesIn('AuthorizationPolicy')`, `authorizationPoliciesFor`, `waypointPolicies`, ztunnel's and waypoints' policies (authz/). Otterize's generated policies are AuthorizationPolicies too. */
  authorizationPolicies: ["AuthorizationPolicy", "Gateway", "Service", "ServiceEntry", ...WORKLOADS],
  /** `waypointOfService`, `waypointOfWorkload`, waypoint principals and labels (authz/waypoint-binding.ts, authz/waypoints.ts). */
  waypoints: ["Gateway", "Service", "ServiceAccount", ...WORKLOADS],
  /** `peerAuthentications`, `effectiveMtls`, `effectiveMtlsFor`, `ztunnelMtls`. */
  peerAuthentications: ["PeerAuthentication", ...WORKLOADS],
  /** `destinationRules` and the DestinationRule a client uses (mtls/destination-rule.ts). */
  destinationRules: ["DestinationRule"],
  /** Envoy clients of a Service port and what they send (mtls/traffic.ts: `clientViews`, `sidecarBackends`, `plainBackends`, `envoyClientNamespaces`). */
  clientViews: ["DestinationRule", "PeerAuthentication", "Gateway", "Service", ...WORKLOADS],
  /** `clientIntents`, `intentOutcomes`, `intentOutcomesOf`, `clientlessIntentsIn`, `protectedServicesIn`. */
  intents: ["ClientIntents", "ProtectedService", "Service", ...WORKLOADS],
  /** `checkAccess` (authz/access.ts): every enforcement point on the way. */
  access: ["AuthorizationPolicy", "PeerAuthentication", "RequestAuthentication", "DestinationRule", "Gateway", "Service", "ServiceEntry", "ServiceAccount", "ClientIntents", "ProtectedService", ...WORKLOADS],
  /** `requestAuthentications`, `sidecars`, `telemetries`, `policiesIn(kind)` of those kinds. */
  requestAuthentications: ["RequestAuthentication"],
  sidecars: ["Sidecar"],
  /** `policiesIn('WorkloadEntry')`. */
  workloadEntries: ["WorkloadEntry"],
  telemetries: ["Telemetry"]
};
function reads(...sets) {
  return [...new Set(sets.flat())].sort();
}

// rules/allow-shadowed-by-deny/index.ts
function appliesToAllOf(model, d, p) {
  if (d.targetRefs.length > 0 || p.targetRefs.length > 0) return sameTargets(d, p);
  const root = model.rootNamespace;
  if (d.namespace !== p.namespace && d.namespace !== root) return false;
  const dSel = d.selector ?? {};
  if (Object.keys(dSel).length === 0) return true;
  const pSel = p.selector ?? {};
  if (Object.entries(dSel).every(([k, v]) => pSel[k] === v)) return true;
  const ws = model.policyWorkloads(p);
  return ws.length > 0 && ws.every((w) => model.authorizationPoliciesFor(w).includes(d));
}
function sameTargets(d, p) {
  if (d.namespace !== p.namespace || d.targetRefs.length === 0 || p.targetRefs.length === 0) return false;
  const key2 = (t) => `${t.kind}/${t.name}`;
  const dKeys = new Set(d.targetRefs.map(key2));
  return p.targetRefs.every((t) => dKeys.has(key2(t)));
}
var allow_shadowed_by_deny_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "An ALLOW rule can never allow anything: a DENY policy on the same workloads matches every request it admits.",
      url: docsUrl("allow-shadowed-by-deny"),
      recommended: true,
      tags: ["security", "authorization"]
    },
    messages: {
      // The policy's only rule: the whole policy allows nothing.
      policyShadowed: 'AuthorizationPolicy "{{name}}" can never allow anything: DENY policy "{{denyNamespace}}/{{denyName}}" (rule {{denyRule}}) applies to the same workloads and matches every request this rule admits, and DENY is evaluated first. Narrow the DENY rule, or remove this ALLOW rule if the DENY is intended.',
      ruleShadowed: 'Rule {{rule}} of AuthorizationPolicy "{{name}}" can never allow anything: DENY policy "{{denyNamespace}}/{{denyName}}" (rule {{denyRule}}) applies to the same workloads and matches every request this rule admits, and DENY is evaluated first. Narrow the DENY rule, or remove this ALLOW rule if the DENY is intended.'
    },
    schema: [],
    hasSuggestions: true,
    defaultSeverity: "warn",
    reads: reads(READS.authorizationPolicies, READS.workloads)
  },
  create(context) {
    const model = context.model;
    return {
      AuthorizationPolicy(p) {
        if (p.action !== "ALLOW" || !p.rules || p.dryRun) return;
        const candidates = [...model.policiesIn("AuthorizationPolicy", p.namespace)];
        if (p.namespace !== model.rootNamespace) candidates.push(...model.policiesIn("AuthorizationPolicy", model.rootNamespace));
        const denies = candidates.filter((d) => d.action === "DENY" && !d.dryRun && d.rules && !(d.namespace === p.namespace && d.name === p.name) && appliesToAllOf(model, d, p));
        if (denies.length === 0) return;
        const selected = p.targetRefs.length === 0 ? model.policyWorkloads(p) : [];
        const ambient = selected.some((w) => w.dataplane.mode === "ambient");
        p.rules.forEach((rule, i) => {
          for (const d of denies) {
            const j = d.rules.findIndex((dr) => ruleCovers(dr, rule) && !(ambient && l7Uses(dr, []).length > 0));
            if (j === -1) continue;
            if (ambient && l7Uses(rule, []).length > 0) return;
            context.report({
              at: { resource: p.resource, path: ["spec", "rules", i] },
              messageId: p.rules.length === 1 ? "policyShadowed" : "ruleShadowed",
              data: { name: p.name, rule: i, denyNamespace: d.namespace, denyName: d.name, denyRule: j },
              related: [{ at: { resource: d.resource, path: ["spec", "rules", j] }, message: "the DENY rule that matches first" }],
              // With HTTP attributes the finding holds only where Envoy, not ztunnel, enforces them.
              assumptions: l7Uses(rule, []).length > 0 || l7Uses(d.rules[j], []).length > 0 ? model.assumptionsOf(selected) : void 0,
              suggest: [
                {
                  desc: `Exclude what this ALLOW rule admits from DENY policy "${d.name}" (for example with notPrincipals, notNamespaces or notPaths on its rule ${j})`,
                  fix: `# in AuthorizationPolicy ${d.namespace}/${d.name}, spec.rules[${j}]:
from:
- source:
    notPrincipals: ["<identity the ALLOW rule admits>"]
`
                }
              ]
            });
            return;
          }
        });
      }
    };
  }
});

// src/model/pod-spec.ts
function at(obj, path) {
  let cur = obj;
  for (const seg of path) {
    if (isRecord(cur) && typeof seg === "string") cur = cur[seg];
    else if (Array.isArray(cur) && typeof seg === "number") cur = cur[seg];
    else return void 0;
  }
  return cur;
}
function idOf(securityContext, field) {
  return isRecord(securityContext) && typeof securityContext[field] === "number" ? securityContext[field] : void 0;
}
function podSpecOf(w) {
  const path = [...w.podMetadataPath.slice(0, -1), "spec"];
  const spec = at(w.resource.raw, path);
  const containers = [];
  arr(isRecord(spec) ? spec.containers : void 0).forEach((c, i) => {
    if (!isRecord(c)) return;
    const sc2 = c.securityContext;
    containers.push({ name: str(c.name) ?? "", image: str(c.image), runAsUser: idOf(sc2, "runAsUser"), runAsGroup: idOf(sc2, "runAsGroup"), path: [...path, "containers", i] });
  });
  const sc = isRecord(spec) ? spec.securityContext : void 0;
  return { path, runAsUser: idOf(sc, "runAsUser"), runAsGroup: idOf(sc, "runAsGroup"), containers };
}

// rules/app-runs-as-proxy-uid/index.ts
var PROXY_ID = 1337;
var ISTIO_CONTAINERS = /* @__PURE__ */ new Set(["istio-proxy", "istio-operator"]);
var PREALLOCATED_IDS = ["openshift.io/sa.scc.uid-range", "openshift.io/sa.scc.supplemental-groups"];
var FIELD = { proxyUid: "runAsUser", proxyGid: "runAsGroup" };
var app_runs_as_proxy_uid_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "An application container of a sidecar pod runs as UID or GID 1337, the proxy's, so its outbound traffic bypasses the sidecar.",
      url: docsUrl("app-runs-as-proxy-uid"),
      recommended: true,
      aliases: ["IST0144"],
      tags: ["security", "dataplane"]
    },
    messages: {
      proxyUid: `{{kind}} "{{name}}" runs {{containers}} as UID 1337, the sidecar proxy's user: the pod's iptables rules let that user's traffic out unredirected, so its outbound connections bypass the sidecar (no mTLS, routing or egress policy). Run it as another UID.`,
      proxyGid: `{{kind}} "{{name}}" runs {{containers}} with GID 1337, the sidecar proxy's group: the pod's iptables rules let that group's traffic out unredirected, so its outbound connections bypass the sidecar (no mTLS, routing or egress policy). Run it with another group.`
    },
    schema: [],
    defaultSeverity: "warn",
    reads: []
  },
  create(context) {
    const model = context.model;
    return {
      Workload(w) {
        if (w.dataplane.mode !== "sidecar") return;
        const labels = w.resource.labels;
        if (labels.istio !== void 0 || labels.release === "istio") return;
        const nsAnnotations = model.namespaces.get(w.namespace)?.resource?.annotations ?? {};
        if (PREALLOCATED_IDS.some((a) => nsAnnotations[a] !== void 0)) return;
        const spec = podSpecOf(w);
        for (const messageId of ["proxyUid", "proxyGid"]) {
          const field = FIELD[messageId];
          const byNode = /* @__PURE__ */ new Map();
          for (const c of spec.containers) {
            if (ISTIO_CONTAINERS.has(c.name)) continue;
            const own = c[field];
            if ((own ?? spec[field]) !== PROXY_ID) continue;
            const path = own !== void 0 ? [...c.path, "securityContext", field] : [...spec.path, "securityContext", field];
            const key2 = path.join("/");
            const entry = byNode.get(key2) ?? { path, containers: [] };
            entry.containers.push(`"${c.name}"`);
            byNode.set(key2, entry);
          }
          for (const { path, containers } of byNode.values()) {
            context.report({
              at: { resource: w.resource, path },
              messageId,
              data: { kind: w.kind, name: w.name, containers: `container${containers.length > 1 ? "s" : ""} ${listText(containers)}` },
              assumptions: model.assumptionsOf([w])
            });
          }
        }
      }
    };
  }
});

// rules/authorization-unknown-host/index.ts
var authorization_unknown_host_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "An AuthorizationPolicy names a Service host (name.namespace.svc.cluster.local) in to.operation.hosts that no Service or ServiceEntry provides.",
      url: docsUrl("authorization-unknown-host"),
      recommended: true,
      aliases: ["KIA0104"],
      tags: ["correctness", "authorization"]
    },
    messages: {
      unknownServiceHost: 'AuthorizationPolicy "{{name}}" names host "{{host}}" in {{field}}, but namespace {{namespace}} has no Service "{{service}}" (nor does a ServiceEntry declare the host): no request is addressed to it, so the entry {{consequence}}. Fix the Service name, or remove the entry.'
    },
    schema: [],
    defaultSeverity: "warn",
    reads: reads(READS.hosts)
  },
  create(context) {
    return {
      AuthorizationPolicy(p) {
        const model = context.model;
        arr(p.rules).forEach((rule, r) => {
          if (!isRecord(rule)) return;
          arr(rule.to).forEach((to, t) => {
            const op = isRecord(to) && isRecord(to.operation) ? to.operation : void 0;
            if (!op) return;
            for (const field of ["hosts", "notHosts"]) {
              arr(op[field]).forEach((value, i) => {
                if (typeof value !== "string") return;
                const host = value.toLowerCase().replace(/:\d+$/, "");
                const ns = model.missingServiceHostNamespace(host);
                if (!ns) return;
                context.report({
                  at: { resource: p.resource, path: ["spec", "rules", r, "to", t, "operation", field, i] },
                  messageId: "unknownServiceHost",
                  data: {
                    name: p.name,
                    host: value,
                    field: `"${field}"`,
                    namespace: ns,
                    service: host.split(".")[0],
                    consequence: field === "notHosts" ? "excludes nothing" : p.action === "DENY" ? "denies nothing" : "admits nothing"
                  }
                });
              });
            }
          });
        });
      }
    };
  }
});

// src/mtls/traffic.ts
function targetPortOf(p, w) {
  if (typeof p.targetPort === "number") return p.targetPort;
  const named = w.ports.find((c) => c.name === p.targetPort);
  if (named) return named.port;
  return /^\d+$/.test(p.targetPort) ? Number(p.targetPort) : void 0;
}
function hasSidecar(w) {
  if (w.dataplane.mode === "sidecar") return true;
  if (w.dataplane.mode === "ambient") return false;
  if (w.podAnnotations["sidecar.istio.io/status"] !== void 0) return true;
  return false;
}
function sidecarBackends(model, s, p) {
  const out = [];
  for (const w of model.servicePods(s)) {
    if (!hasSidecar(w)) continue;
    const targetPort = targetPortOf(p, w);
    const mtls = effectiveMtls(model, w, targetPort);
    if (targetPort === void 0 && mtls.decidedBy && mtls.decidedBy.selector && mtls.decidedBy.portLevel.size > 0) continue;
    out.push({ workload: w, targetPort, mtls });
  }
  return out;
}
function plainBackends(model, s) {
  return model.servicePods(s).filter((w) => w.dataplane.mode === "none" && !w.dataplane.assumption && !hasSidecar(w));
}
function injectsSidecars(ns, labels) {
  return namespaceMode(ns, labels) === "sidecar";
}
var clientCache = /* @__PURE__ */ new WeakMap();
function envoyClientNamespaces(model) {
  const cached = clientCache.get(model);
  if (cached) return cached;
  const out = /* @__PURE__ */ new Map();
  for (const w of model.workloads) if (hasSidecar(w)) out.set(w.namespace, "known");
  for (const info of model.labelledNamespaces()) if (injectsSidecars(info.name, info.labels)) out.set(info.name, "known");
  for (const g of model.gateways) if (!g.isWaypoint && g.className.startsWith("istio")) out.set(g.namespace, "known");
  for (const dr of model.destinationRules) {
    if (dr.namespace !== model.rootNamespace && !out.has(dr.namespace) && mayHaveEnvoyClients(model, dr.namespace)) out.set(dr.namespace, "assumed");
  }
  clientCache.set(model, out);
  return out;
}
function mayHaveEnvoyClients(model, ns) {
  let byNs = mayHaveCache.get(model);
  if (!byNs) mayHaveCache.set(model, byNs = /* @__PURE__ */ new Map());
  let answer = byNs.get(ns);
  if (answer === void 0) byNs.set(ns, answer = readMayHaveEnvoyClients(model, ns));
  return answer;
}
var mayHaveCache = /* @__PURE__ */ new WeakMap();
function readMayHaveEnvoyClients(model, ns) {
  if (hasKnownEnvoyClients(model, ns)) return true;
  if (model.dataplaneFor(ns).mode === "ambient") return false;
  return model.workloadsIn(ns).length === 0;
}
function hasKnownEnvoyClients(model, ns) {
  return injectsSidecars(ns, model.namespaceLabels(ns)) || model.workloadsIn(ns).some(hasSidecar);
}
var assumedClientsCache = /* @__PURE__ */ new WeakMap();
function assumedClientNamespaces(model) {
  const cached = assumedClientsCache.get(model);
  if (cached) return cached;
  const out = /* @__PURE__ */ new Map();
  for (const [ns, evidence] of envoyClientNamespaces(model)) {
    if (evidence !== "known" || model.declaresNamespace(ns)) continue;
    const sidecars = model.workloadsIn(ns).filter(hasSidecar);
    const assumption = sidecars[0]?.dataplane.assumption;
    if (assumption && sidecars.every((w) => w.dataplane.assumption)) out.set(ns, assumption);
  }
  assumedClientsCache.set(model, out);
  return out;
}
var groupMembers = /* @__PURE__ */ new WeakMap();
function clientAssumptions(model, views) {
  const assumed = assumedClientNamespaces(model);
  const out = [];
  for (const v of views) {
    if (v.workload) {
      if (v.workload.dataplane.assumption) out.push(v.workload.dataplane.assumption);
    } else if (v.group && assumed.size > 0) {
      let members = groupMembers.get(v.group.all);
      if (!members) groupMembers.set(v.group.all, members = new Set(v.group.all.map(([ns]) => ns)));
      for (const [ns, a] of assumed) if (members.has(ns) && !v.group.except.has(ns)) out.push(a);
    } else {
      const a = assumed.get(v.namespace);
      if (a) out.push(a);
    }
  }
  return out;
}
function viewKey(v) {
  if (v.workload) return `${v.namespace}/${v.workload.name}`;
  if (v.group) return `*${[...v.group.except].sort().join(",")}`;
  return v.namespace;
}
var namespacesCache = /* @__PURE__ */ new WeakMap();
function addTo(map, key2, ns) {
  const set = map.get(key2);
  if (set) set.add(ns);
  else map.set(key2, /* @__PURE__ */ new Set([ns]));
}
function clientNamespaces(model) {
  const cached = namespacesCache.get(model);
  if (cached) return cached;
  const all = [...envoyClientNamespaces(model)].sort((a, b) => a[0] < b[0] ? -1 : 1);
  const always = /* @__PURE__ */ new Set([model.rootNamespace]);
  const exact = /* @__PURE__ */ new Map();
  const wildcard = /* @__PURE__ */ new Map();
  for (const r of destinationRuleIndex(model).rules) {
    for (const ns of r.exportTo) if (ns !== "*" && ns !== "~" && ns !== ".") always.add(ns);
    if (r.host.startsWith("*")) addTo(wildcard, r.host.slice(1), r.dr.namespace);
    else addTo(exact, r.host, r.dr.namespace);
  }
  const out = { all, always, exact, wildcard, special: /* @__PURE__ */ new Map() };
  namespacesCache.set(model, out);
  return out;
}
function specialFor(cn, host) {
  let out = cn.special.get(host);
  if (!out) cn.special.set(host, out = readSpecialFor(cn, host));
  return out;
}
function readSpecialFor(cn, host) {
  const out = new Set(cn.always);
  for (const ns of cn.exact.get(host) ?? []) out.add(ns);
  for (let i = host.indexOf("."); ; i = host.indexOf(".", i + 1)) {
    for (const ns of cn.wildcard.get(i === -1 ? "" : host.slice(i)) ?? []) out.add(ns);
    if (i === -1) break;
  }
  return out;
}
function clientViews(model, s, p, want = () => true) {
  let byPort = viewsCache.get(model)?.get(s);
  if (!byPort) {
    let byService = viewsCache.get(model);
    if (!byService) viewsCache.set(model, byService = /* @__PURE__ */ new WeakMap());
    byService.set(s, byPort = /* @__PURE__ */ new Map());
  }
  let all = byPort.get(p);
  if (!all) byPort.set(p, all = readClientViews(model, s, p));
  return all.filter((v) => want(v.tls));
}
var viewsCache = /* @__PURE__ */ new WeakMap();
function readClientViews(model, s, p) {
  const idx = destinationRuleIndex(model);
  const host = model.hostOf(s);
  const cn = clientNamespaces(model);
  const specialNames = specialFor(cn, host);
  const clients = envoyClientNamespaces(model);
  const special = [];
  for (const ns of specialNames) {
    const evidence = clients.get(ns);
    if (evidence) special.push([ns, evidence]);
  }
  const ownAssumed = !clients.has(s.namespace) && mayHaveEnvoyClients(model, s.namespace);
  if (ownAssumed && specialNames.has(s.namespace)) special.push([s.namespace, "assumed"]);
  const out = [];
  const representative = cn.all.find(([ns]) => !specialNames.has(ns))?.[0] ?? (ownAssumed && !specialNames.has(s.namespace) ? s.namespace : void 0);
  if (representative !== void 0) {
    const shared = idx.clientTls(representative, host, s.namespace, p.port);
    const first = cn.all.find(([ns]) => !specialNames.has(ns));
    if (first) out.push({ namespace: first[0], evidence: first[1], group: { all: cn.all, except: specialNames }, tls: shared });
    if (ownAssumed && !specialNames.has(s.namespace)) out.push({ namespace: s.namespace, evidence: "assumed", tls: shared });
  }
  for (const [ns, evidence] of special) {
    const selectorRules = model.policiesIn("DestinationRule", ns).some((d) => d.workloadSelector !== void 0);
    const sidecars = selectorRules ? model.workloadsIn(ns).filter(hasSidecar) : [];
    if (sidecars.length === 0) {
      out.push({ namespace: ns, evidence, tls: idx.clientTls(ns, host, s.namespace, p.port) });
      continue;
    }
    const perWorkload = sidecars.map((w) => ({ namespace: ns, evidence, workload: w, tls: idx.clientTls(ns, host, s.namespace, p.port, w.podLabels) }));
    const same = perWorkload.every((v) => v.tls.lookup.rule === perWorkload[0].tls.lookup.rule && v.tls.mode === perWorkload[0].tls.mode);
    if (same) out.push({ namespace: ns, evidence, tls: perWorkload[0].tls });
    else out.push(...perWorkload);
  }
  return out.sort((a, b) => a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : 0);
}
function listNames(names3, max = 4) {
  const uniq = [...new Set(names3)];
  if (uniq.length <= max) {
    return uniq.length <= 1 ? uniq[0] ?? "" : `${uniq.slice(0, -1).join(", ")} and ${uniq[uniq.length - 1]}`;
  }
  return `${uniq.slice(0, max).join(", ")} and ${uniq.length - max} more`;
}
function describeClients(views) {
  let all;
  let excluded;
  const singles = /* @__PURE__ */ new Map();
  for (const v of views) {
    if (v.workload) continue;
    if (v.group) {
      all = v.group.all;
      excluded = excluded ? new Set([...excluded].filter((ns) => v.group.except.has(ns))) : new Set(v.group.except);
    } else if (singles.get(v.namespace) !== "known") {
      singles.set(v.namespace, v.evidence);
    }
  }
  const classes = all ? evidenceClasses(all) : void 0;
  const covered = (ns) => classes !== void 0 && classes.evidence.has(ns) && !excluded.has(ns);
  const names3 = (evidence) => {
    const extra = [...singles].filter(([ns, e]) => e === evidence && !covered(ns)).map(([ns]) => ns);
    let count2 = extra.length;
    const first = [...extra];
    if (classes) {
      const members = classes[evidence];
      count2 += members.length - [...excluded].filter((ns) => classes.evidence.get(ns) === evidence).length;
      for (const ns of members) {
        if (first.length >= extra.length + 5) break;
        if (!excluded.has(ns)) first.push(ns);
      }
    }
    const sorted = [...new Set(first)].sort().slice(0, 5);
    if (count2 <= 4) return count2 === 0 ? "" : listNames(sorted);
    return `${sorted.slice(0, 4).join(", ")} and ${count2 - 4} more`;
  };
  const known2 = names3("known");
  const assumed = names3("assumed");
  const single = views.filter((v) => v.workload).map((v) => `${v.workload.kind} ${v.namespace}/${v.workload.name}`);
  const parts = [];
  const plural = (text) => text.includes(",") || text.includes(" and ") ? "s" : "";
  if (known2) parts.push(`sidecars and gateways in namespace${plural(known2)} ${known2}`);
  if (assumed) parts.push(`any Envoy clients in namespace${plural(assumed)} ${assumed} (pods not in the input)`);
  if (single.length > 0) parts.push(listNames(single));
  return parts.join(" and ");
}
var classesCache = /* @__PURE__ */ new WeakMap();
function evidenceClasses(all) {
  let c = classesCache.get(all);
  if (!c) {
    c = { known: all.filter(([, e]) => e === "known").map(([ns]) => ns), assumed: all.filter(([, e]) => e === "assumed").map(([ns]) => ns), evidence: new Map(all) };
    classesCache.set(all, c);
  }
  return c;
}
function describeWorkloads(ws) {
  return listNames(ws.map((w) => `${w.kind} ${w.namespace}/${w.name}`), 3);
}
function mtlsPath(m, port2) {
  if (m.portLevel && port2 !== void 0) return ["spec", "portLevelMtls", String(port2), "mode"];
  return ["spec", "mtls", "mode"];
}
function describePa(model, m) {
  const pa = m.decidedBy;
  if (!pa) return "no PeerAuthentication (Istio default)";
  const scope = pa.selector && Object.keys(pa.selector).length > 0 ? m.portLevel ? "port-level" : "workload" : pa.namespace === model.rootNamespace ? "mesh-wide" : "namespace-wide";
  return `PeerAuthentication ${pa.namespace}/${pa.name} (${scope})`;
}

// rules/automtls-missing-destinationrule/index.ts
function reasonOf(model, host, port2, views) {
  const view = views[0];
  const who = describeClients(views);
  const tls = view.tls;
  const l = tls.lookup;
  if (l.selectorOnly) {
    return `DestinationRule ${l.selectorOnly.map(ruleNames).join(", ")} leaves out ${who} (workloadSelector) and ends their lookup`;
  }
  if (!l.rule) return `no DestinationRule applies to ${who}`;
  const name = `DestinationRule ${ruleNames(l.rule)}${l.matchedHost !== host ? ` (host "${l.matchedHost}")` : ""}`;
  if (tls.portLevelIndex !== void 0) return `${who} use ${name}, whose port ${port2} entry has no tls (it replaces the top-level tls)`;
  const shadowed = destinationRuleIndex(model).coveringWithMode(host, port2, "ISTIO_MUTUAL", view.namespace, l.rule);
  if (shadowed.length > 0) return `${who} use ${name}, which sets no tls and hides the ISTIO_MUTUAL of ${shadowed[0].dr.namespace}/${shadowed[0].dr.name}`;
  return `${who} use ${name}, which sets no tls`;
}
function reasonRelated(model, host, port2, views) {
  const v = views[0];
  const tls = v.tls;
  const l = tls.lookup;
  const who = describeClients(views);
  if (l.selectorOnly) {
    return l.selectorOnly.slice(0, 2).flatMap(
      (c) => c.from.slice(0, 1).map((r) => ({
        at: { resource: r.dr.resource, path: ["spec", "workloadSelector"] },
        message: `its workloadSelector leaves out ${who}; istiod looks no further than this namespace, so they get no DestinationRule`
      }))
    );
  }
  if (!l.rule) return [];
  const where = l.step === "client-namespace" ? "their own namespace" : l.step === "service-namespace" ? "the Service's namespace" : `the root namespace ${model.rootNamespace}`;
  const decided = tls.decidedAt ?? { rule: l.rule.policyFrom ?? l.rule.from[0], path: ["spec", "host"] };
  const out = [
    {
      at: { resource: decided.rule.dr.resource, path: decided.path },
      message: `${who} use this DestinationRule (host "${l.matchedHost}", found in ${where}) for ${host}:${port2}, and it sets no tls${tls.portLevelIndex !== void 0 ? " for that port: a portLevelSettings entry replaces the top-level settings, it does not inherit their tls" : ""}`
    }
  ];
  if (tls.portLevelIndex === void 0) {
    const shadowed = destinationRuleIndex(model).coveringWithMode(host, port2, "ISTIO_MUTUAL", v.namespace, l.rule)[0];
    if (shadowed) {
      const sameNs = shadowed.dr.namespace === l.rule.namespace;
      out.push({
        at: { resource: shadowed.dr.resource, path: ["spec", "host"] },
        message: `this ISTIO_MUTUAL rule (host "${shadowed.host}") is hidden from ${who}: ${sameNs ? "within a namespace the most specific host wins" : "the lookup stops at the first namespace with a match (the client's, then the Service's, then the root namespace)"}`
      });
    }
  }
  return out;
}
function reasonKey(tls) {
  const l = tls.lookup;
  if (l.selectorOnly) return `sel:${l.selectorOnly.map(ruleNames).join(",")}`;
  if (!l.rule) return "none";
  return `dr:${ruleNames(l.rule)}:${tls.portLevelIndex ?? ""}`;
}
function drYaml(name, ns, host) {
  return [
    "apiVersion: networking.istio.io/v1",
    "kind: DestinationRule",
    "metadata:",
    `  name: ${name}`,
    `  namespace: ${ns}`,
    "spec:",
    `  host: "${host}"`,
    "  trafficPolicy:",
    "    tls:",
    "      mode: ISTIO_MUTUAL",
    ""
  ].join("\n");
}
function fixFor(model, s, p, tls) {
  const host = model.hostOf(s);
  const l = tls.lookup;
  if (l.rule && tls.decidedAt) {
    const dr = tls.decidedAt.rule.dr;
    if (tls.portLevelIndex !== void 0) {
      return {
        desc: `Add tls.mode ISTIO_MUTUAL to the port ${p.port} entry of DestinationRule ${dr.namespace}/${dr.name}`,
        fix: ["spec:", "  trafficPolicy:", "    portLevelSettings:", "    - port:", `        number: ${p.port}`, "      tls:", "        mode: ISTIO_MUTUAL", ""].join("\n")
      };
    }
    return {
      desc: `Add tls.mode ISTIO_MUTUAL to DestinationRule ${dr.namespace}/${dr.name}${l.matchedHost !== host ? ` (it covers every host matching "${l.matchedHost}")` : ""}`,
      fix: ["spec:", "  trafficPolicy:", "    tls:", "      mode: ISTIO_MUTUAL", ""].join("\n")
    };
  }
  if (l.selectorOnly) {
    const ns = l.selectorOnly[0].namespace;
    return {
      desc: `Add a DestinationRule without workloadSelector for ${host} in namespace ${ns}, with tls.mode ISTIO_MUTUAL`,
      fix: drYaml(`${s.name}-istio-mutual`, ns, host)
    };
  }
  return {
    desc: `Add a DestinationRule with tls.mode ISTIO_MUTUAL for ${host} in namespace ${s.namespace}`,
    fix: drYaml(`${s.name}-istio-mutual`, s.namespace, host)
  };
}
function uniqueFixes(list) {
  const byFix = /* @__PURE__ */ new Map();
  for (const f of list) if (!byFix.has(f.fix)) byFix.set(f.fix, f);
  return [...byFix.values()];
}
function autoMtlsRelated(model) {
  const src = model.mesh.sources.enableAutoMtls;
  return src ? [{ at: { resource: src.resource, path: src.path }, message: "meshConfig.enableAutoMtls is false here" }] : [];
}
var automtls_missing_destinationrule_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "With auto mTLS off, Envoy clients send plaintext to STRICT mTLS workloads because no DestinationRule with tls.mode ISTIO_MUTUAL covers the host and port for them.",
      url: docsUrl("automtls-missing-destinationrule"),
      recommended: true,
      aliases: ["KIA0204", "KIA0401", "KIA0501"],
      tags: ["security", "mtls", "sidecar"]
    },
    messages: {
      // {{reasons}}: why each group of clients sends plaintext (reasonOf), joined by "; ".
      strictService: "Service {{service}}:{{port}} is STRICT (PeerAuthentication {{policies}}) and auto mTLS is off, but {{reasons}}: they send plaintext and every request is reset (503). Add tls.mode ISTIO_MUTUAL as suggested, or turn auto mTLS on.",
      strictPolicy: "PeerAuthentication {{policy}} makes Service {{portNoun}} {{ports}} STRICT while auto mTLS is off, and no DestinationRule gives {{clients}} ISTIO_MUTUAL: their plaintext is refused. Add DestinationRules with ISTIO_MUTUAL first, or stay PERMISSIVE."
    },
    schema: [],
    hasSuggestions: true,
    defaultSeverity: "error",
    reads: reads(READS.services, READS.clientViews, READS.destinationRules, READS.peerAuthentications)
  },
  create(context) {
    const model = context.model;
    if (context.mesh.enableAutoMtls) return {};
    const findings = [];
    return {
      Service(s) {
        for (const p of s.ports) {
          const strict = sidecarBackends(model, s, p).filter((b) => b.mtls.mode === "STRICT");
          if (strict.length === 0) continue;
          const groups = /* @__PURE__ */ new Map();
          for (const v of clientViews(model, s, p, (tls) => tls.mode === void 0)) {
            const key2 = reasonKey(v.tls);
            const g = groups.get(key2);
            if (g) g.push(v);
            else groups.set(key2, [v]);
          }
          if (groups.size === 0) continue;
          findings.push({ service: s, port: p, strict, groups });
          const host = model.hostOf(s);
          const pas = strict.flatMap((b) => b.mtls.decidedBy ? [`${b.mtls.decidedBy.namespace}/${b.mtls.decidedBy.name}`] : []);
          context.report({
            at: { resource: s.resource, path: ["spec", "ports", p.index] },
            messageId: "strictService",
            data: {
              service: `${s.namespace}/${s.name}`,
              port: p.port,
              policies: listText(pas, 4),
              reasons: [...groups.values()].map((g) => reasonOf(model, host, p.port, g)).join("; ")
            },
            assumptions: model.assumptionsOf([...strict.map((b) => b.workload), ...clientAssumptions(model, [...groups.values()].flat())]),
            suggest: uniqueFixes([...groups.values()].map((g) => fixFor(model, s, p, g[0].tls))),
            related: [
              ...strict.filter((b) => b.mtls.decidedBy).slice(0, 1).map((b) => ({ at: { resource: b.mtls.decidedBy.resource, path: mtlsPath(b.mtls, b.targetPort) }, message: `STRICT is set here (${describePa(model, b.mtls)}), for ${describeWorkloads(strict.map((x) => x.workload))}` })),
              ...autoMtlsRelated(model),
              ...[...groups.values()].flatMap((g) => reasonRelated(model, host, p.port, g))
            ]
          });
        }
      },
      // Each STRICT PeerAuthentication node is reported once for all the Service ports it makes
      // unreachable: known only when every Service has been seen.
      "Mesh:exit"() {
        reportAtPolicies(context, model, findings);
      }
    };
  }
});
function reportAtPolicies(context, model, findings) {
  const byNode = /* @__PURE__ */ new Map();
  for (const f of findings) {
    const clients = [...f.groups.values()].flat();
    for (const b of f.strict) {
      const pa = b.mtls.decidedBy;
      if (!pa) continue;
      const path = mtlsPath(b.mtls, b.targetPort);
      const key2 = `${pa.namespace}/${pa.name}/${path.join(".")}`;
      let e = byNode.get(key2);
      if (!e) byNode.set(key2, e = { pa, path, ports: [], clients: /* @__PURE__ */ new Map(), portLevel: b.mtls.portLevel, services: /* @__PURE__ */ new Map(), workloads: [] });
      e.workloads.push(b.workload);
      const label7 = `${f.service.namespace}/${f.service.name}:${f.port.port}`;
      if (!e.ports.includes(label7)) e.ports.push(label7);
      e.services.set(model.hostOf(f.service), f.service);
      for (const c of clients) e.clients.set(viewKey(c), c);
    }
  }
  for (const e of byNode.values()) {
    const scope = e.pa.selector && Object.keys(e.pa.selector).length > 0 ? "workload" : e.pa.namespace === model.rootNamespace ? "mesh" : "namespace";
    const host = scope === "mesh" ? "*.local" : scope === "namespace" ? `*.${e.pa.namespace}.svc.cluster.local` : void 0;
    const suggest = host ? [
      {
        desc: `Add a ${scope}-wide DestinationRule with tls.mode ISTIO_MUTUAL (DestinationRules that already match these hosts without tls take precedence and need it too; see the Service diagnostics)`,
        fix: drYaml(scope === "mesh" ? "default" : "istio-mutual", e.pa.namespace, host)
      }
    ] : [...e.services.entries()].slice(0, 3).map(([h, svc]) => ({
      desc: `Add a DestinationRule with tls.mode ISTIO_MUTUAL for ${h}`,
      fix: drYaml(`${svc.name}-istio-mutual`, svc.namespace, h)
    }));
    context.report({
      at: { resource: e.pa.resource, path: e.path },
      messageId: "strictPolicy",
      data: {
        policy: `${e.pa.namespace}/${e.pa.name}`,
        portNoun: e.ports.length === 1 ? "port" : "ports",
        ports: listText(e.ports, 4),
        clients: describeClients([...e.clients.values()])
      },
      assumptions: model.assumptionsOf([...e.workloads, ...clientAssumptions(model, [...e.clients.values()])]),
      suggest,
      related: autoMtlsRelated(model)
    });
  }
}

// rules/competing-policies/index.ts
var SELECTOR_PATH = {
  PeerAuthentication: ["spec", "selector", "matchLabels"],
  Sidecar: ["spec", "workloadSelector", "labels"]
};
var key = (p) => `${p.namespace}/${p.name}`;
var wide = (p) => !p.selector || Object.keys(p.selector).length === 0;
function createdAt(p) {
  const meta = p.resource.raw.metadata;
  return typeof meta?.creationTimestamp === "string" ? Date.parse(meta.creationTimestamp) : NaN;
}
function winner(ps) {
  const times = ps.map(createdAt);
  if (times.some(Number.isNaN)) return " (which one depends on the order they were created, which the manifests do not show)";
  const first = [...ps].sort((a, b) => createdAt(a) - createdAt(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))[0];
  return ` ("${first.name}", by its creationTimestamp)`;
}
function modeOf(p) {
  const pa = p;
  return `"${p.name}" ${pa.mode}${pa.portLevel.size > 0 ? ` with port-level modes for ${[...pa.portLevel.keys()].join(", ")}` : ""}`;
}
function names(ps) {
  const shown = ps.slice(0, 3).map((p) => `"${p.name}"`);
  return ps.length > 3 ? `${shown.join(", ")} and ${ps.length - 3} more` : shown.join(", ");
}
function describeWorkloads2(ws) {
  const shown = ws.slice(0, 3).map((w) => `${w.kind} ${w.namespace}/${w.name}`);
  return ws.length > 3 ? `${shown.join(", ")} and ${ws.length - 3} more` : shown.join(", ");
}
function unique(list) {
  const seen = /* @__PURE__ */ new Map();
  for (const p of list) if (!seen.has(key(p))) seen.set(key(p), p);
  return [...seen.values()];
}
function sharedWorkloads(model, list) {
  const byWorkload = /* @__PURE__ */ new Map();
  for (const p of list) {
    if (wide(p)) continue;
    for (const w of model.policyWorkloads(p, false)) byWorkload.set(w, [...byWorkload.get(w) ?? [], p]);
  }
  const out = /* @__PURE__ */ new Map();
  for (const [w, ps] of byWorkload) {
    if (ps.length < 2) continue;
    for (const p of ps) {
      const entry = out.get(p) ?? { workloads: [], others: /* @__PURE__ */ new Set() };
      out.set(p, entry);
      entry.workloads.push(w);
      for (const o of ps) if (o !== p) entry.others.add(o);
    }
  }
  return out;
}
var competing_policies_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "Several PeerAuthentications, or several Sidecars, of one scope apply to the same workloads: istiod applies only the oldest and ignores the others.",
      url: docsUrl("competing-policies"),
      recommended: true,
      aliases: ["KIA0002", "KIA0003"],
      tags: ["security", "mtls"]
    },
    messages: {
      peerAuthenticationsWide: 'PeerAuthentication "{{name}}" is one of {{count}} {{scope}} PeerAuthentications in namespace "{{namespace}}" (with {{others}}): istiod applies only the oldest{{winner}} and ignores the others; they set {{modes}}. Keep one, with the mode you mean.',
      peerAuthenticationsSelect: 'PeerAuthentication "{{name}}" selects {{workloads}}, as PeerAuthentication {{others}} {{does}}: istiod applies only the oldest of them{{winner}} to those pods and ignores the others; they set {{modes}}. Make their selectors disjoint, or merge them into one.',
      sidecarsWide: `Sidecar "{{name}}" is one of {{count}} Sidecars without workloadSelector in namespace "{{namespace}}" (with {{others}}): istiod gives the namespace's pods only the oldest{{winner}} and ignores the others. Keep one, or give the others a workloadSelector.`,
      sidecarsSelect: 'Sidecar "{{name}}" selects {{workloads}}, as Sidecar {{others}} {{does}}: istiod gives those pods only the oldest of them{{winner}} and ignores the others. Make their workloadSelectors disjoint, or merge them into one.'
    },
    schema: [],
    defaultSeverity: "warn",
    reads: reads(READS.peerAuthentications, READS.sidecars, READS.workloads)
  },
  create(context) {
    const model = context.model;
    const check3 = (kind, list) => {
      const byNamespace = /* @__PURE__ */ new Map();
      for (const p of list) if (wide(p)) byNamespace.set(p.namespace, [...byNamespace.get(p.namespace) ?? [], p]);
      for (const [ns, ps] of byNamespace) {
        if (ps.length < 2) continue;
        for (const p of ps) {
          const others = ps.filter((o) => o !== p);
          context.report({
            at: { resource: p.resource, path: ["metadata", "name"] },
            messageId: kind === "PeerAuthentication" ? "peerAuthenticationsWide" : "sidecarsWide",
            data: { name: p.name, count: ps.length, scope: ns === model.rootNamespace ? "mesh-wide" : "namespace-wide", namespace: ns, others: names(others), winner: winner(ps), modes: kind === "PeerAuthentication" ? ps.map(modeOf).join(", ") : "" },
            related: others.slice(0, 3).map((o) => ({ at: { resource: o.resource, path: ["metadata", "name"] }, message: `${kind} ${key(o)}, also without a selector` }))
          });
        }
      }
      for (const [p, shared] of sharedWorkloads(model, list)) {
        const others = [...shared.others];
        context.report({
          at: { resource: p.resource, path: SELECTOR_PATH[kind] },
          messageId: kind === "PeerAuthentication" ? "peerAuthenticationsSelect" : "sidecarsSelect",
          data: {
            name: p.name,
            workloads: describeWorkloads2(shared.workloads),
            others: names(others),
            does: others.length > 1 ? "do" : "does",
            winner: winner([p, ...others]),
            modes: kind === "PeerAuthentication" ? [p, ...others].map(modeOf).join(", ") : ""
          },
          related: others.slice(0, 3).map((o) => ({ at: { resource: o.resource, path: SELECTOR_PATH[kind] }, message: `${kind} ${key(o)} selects them too` })),
          assumptions: model.assumptionsOf(shared.workloads)
        });
      }
    };
    return {
      "Mesh:exit"() {
        check3("PeerAuthentication", unique(model.peerAuthentications));
        check3("Sidecar", unique(model.sidecars));
      }
    };
  }
});

// rules/dataplane-conflict/index.ts
var RUNS = {
  sidecar: "with a sidecar",
  ambient: "in ambient (ztunnel)",
  none: "outside the mesh (no sidecar, not ambient)"
};
function fromNamespace(w, conflict) {
  return !/\bpod (label|annotation)|hostNetwork/.test(`${conflict} ${w.dataplane.reason}`);
}
function describe(ws) {
  return listText(ws.map((w) => `${w.kind} ${w.namespace}/${w.name}`), 3);
}
var dataplane_conflict_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A workload's or its namespace's labels ask for a data plane the pod does not get (a sidecar and ambient together, ambient with hostNetwork\u2026): the losing setting is ignored.",
      url: docsUrl("dataplane-conflict"),
      recommended: true,
      aliases: ["IST0123", "KIA1311", "KIA1316"],
      tags: ["ambient", "sidecar"]
    },
    messages: {
      podConflict: "{{workload}}: {{conflict}}, so its pods run {{runs}}. Remove the setting that is ignored, or the one that wins if you meant the other.",
      namespaceConflict: 'Namespace "{{namespace}}": {{conflict}}, so {{workloads}} {{run}} {{runs}}. Remove the label that is ignored, or the one that wins if you meant the other.',
      namespaceLabels: 'Namespace "{{namespace}}": {{conflict}}. Remove the label that is ignored, or the one that wins if you meant the other.'
    },
    schema: [],
    defaultSeverity: "warn",
    reads: []
  },
  create(context) {
    const model = context.model;
    const byNamespace = /* @__PURE__ */ new Map();
    const labelConflicts = [];
    return {
      Namespace(ns) {
        for (const ignored2 of ignoredNamespaceLabels(ns.labels)) labelConflicts.push([ns, ignored2]);
      },
      Workload(w) {
        for (const conflict of w.dataplane.conflicts) {
          const ns = model.namespaces.get(w.namespace);
          if (ns?.resource && fromNamespace(w, conflict)) {
            const list = byNamespace.get(w.namespace) ?? /* @__PURE__ */ new Map();
            byNamespace.set(w.namespace, list);
            list.set(conflict, [...list.get(conflict) ?? [], w]);
            continue;
          }
          context.report({
            at: { resource: w.resource, path: Object.keys(w.podLabels).length > 0 ? [...w.podMetadataPath, "labels"] : w.podMetadataPath, part: "key" },
            messageId: "podConflict",
            data: { workload: `${w.kind} ${w.namespace}/${w.name}`, conflict, runs: RUNS[w.dataplane.mode] }
          });
        }
      },
      "Mesh:exit"() {
        for (const [ns, { label: label7, conflict }] of labelConflicts) {
          if (!ns.resource || byNamespace.get(ns.name)?.has(conflict)) continue;
          context.report({
            at: { resource: ns.resource, path: ["metadata", "labels", label7], part: "key" },
            messageId: "namespaceLabels",
            data: { namespace: ns.name, conflict: conflict.replace("the pod", "each pod") }
          });
        }
        for (const [name, conflicts] of byNamespace) {
          const ns = model.namespaces.get(name);
          for (const [conflict, ws] of conflicts) {
            context.report({
              at: { resource: ns.resource, path: ["metadata", "labels"], part: "key" },
              messageId: "namespaceConflict",
              data: { namespace: name, conflict: conflict.replace("the pod", "each pod"), workloads: describe(ws), run: ws.length > 1 ? "run" : "runs", runs: RUNS[ws[0].dataplane.mode] },
              related: ws.slice(0, 3).map((w) => ({ at: { resource: w.resource, path: w.podMetadataPath, part: "key" }, message: `pods of ${w.kind} ${w.namespace}/${w.name}` }))
            });
          }
        }
      }
    };
  }
});

// rules/deny-path-bypass/index.ts
function envoyTarget(model, p) {
  if (p.targetRefs.length > 0) {
    const t = p.targetRefs[0];
    const what = t.kind === "Service" || t.kind === "ServiceEntry" ? `the waypoint of ${t.kind} ${p.namespace}/${t.name}` : `${t.kind} ${p.namespace}/${t.name}`;
    return { names: p.targetRefs.length > 1 ? `${what} and ${p.targetRefs.length - 1} more` : what, assumptions: [] };
  }
  const sidecars = model.policyWorkloads(p).filter((w) => w.dataplane.mode === "sidecar");
  if (sidecars.length > 0) return { names: describeWorkloads3(sidecars), assumptions: model.assumptionsOf(sidecars) };
  const pods = model.dataplaneFor(p.namespace);
  if (p.namespace !== model.rootNamespace && pods.mode === "sidecar" && !pods.assumption) {
    return { names: `the pods of sidecar namespace "${p.namespace}"`, assumptions: [] };
  }
  return void 0;
}
function describeWorkloads3(ws) {
  const all = [...new Set(ws.map((w) => `${w.kind} ${w.namespace}/${w.name}`))];
  return all.length > 3 ? `${all.slice(0, 3).join(", ")} and ${all.length - 3} more` : all.join(", ");
}
function bypasses(value, siblings, mode, within = []) {
  if (!value.startsWith("/") || value === "/") return [];
  const candidates = [value.endsWith("/") ? value.slice(0, -1) : `${value}/`, `/${value}`];
  const slash = value.lastIndexOf("/", value.length - 2);
  if (slash > 0) candidates.push(`${value.slice(0, slash)}%2F${value.slice(slash + 1)}`);
  candidates.push(`/.${value}`);
  return candidates.filter((c) => {
    const seen = normalizePath(c, mode);
    return !seen.rejected && !siblings.some((s) => matchPath(s, seen.path)) && (within.length === 0 || within.some((s) => matchPath(s, seen.path)));
  });
}
var isExact = (v) => !v.includes("*") && !v.includes("{");
function stricterMode(forms, value) {
  if (forms.some((f) => f.includes("%2F"))) return "DECODE_AND_MERGE_SLASHES";
  if (forms.includes(`/${value}`) || forms.includes(`/.${value}`)) return "MERGE_SLASHES";
  return void 0;
}
function templateFix(value) {
  const base = value.endsWith("/") ? value.slice(0, -1) : value;
  return `${base}/{**}`;
}
var deny_path_bypass_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: `A DENY (or an ALLOW excluding with notPaths) names exact paths that requests can sidestep under the mesh's pathNormalization: "/admin/", "//admin", "/admin%2Fx".`,
      url: docsUrl("deny-path-bypass"),
      recommended: true,
      tags: ["security", "authorization", "sidecar", "waypoint"]
    },
    messages: {
      // {{advice}}: what closes the forms named, one or both of "deny/exclude the subtree too" and
      // "normalize more strictly", as a sentence.
      denyBypassedOne: 'AuthorizationPolicy "{{name}}" denies only the exact path "{{path}}" on {{target}}, but under pathNormalization {{mode}} Envoy matches {{forms}} as written, so it is not denied, though a backend may serve it as "{{path}}". {{advice}}.',
      denyBypassedMany: 'AuthorizationPolicy "{{name}}" denies only the exact path "{{path}}" on {{target}}, but under pathNormalization {{mode}} Envoy matches {{forms}} as written, so they are not denied, though a backend may serve them as "{{path}}". {{advice}}.',
      notPathsBypassedOne: 'AuthorizationPolicy "{{name}}" excludes only the exact path "{{path}}" (notPaths) from what it allows on {{target}}, but under pathNormalization {{mode}} Envoy matches {{forms}} as written, so it is still allowed, though a backend may serve it as "{{path}}". {{advice}}.',
      notPathsBypassedMany: 'AuthorizationPolicy "{{name}}" excludes only the exact path "{{path}}" (notPaths) from what it allows on {{target}}, but under pathNormalization {{mode}} Envoy matches {{forms}} as written, so they are still allowed, though a backend may serve them as "{{path}}". {{advice}}.'
    },
    schema: [],
    hasSuggestions: true,
    defaultSeverity: "warn",
    reads: reads(READS.workloads)
  },
  create(context) {
    const model = context.model;
    const mode = model.mesh.pathNormalization;
    const modeSource = model.mesh.sources.pathNormalization;
    const related = modeSource ? [{ at: { resource: modeSource.resource, path: modeSource.path }, message: `meshConfig.pathNormalization is ${mode} here` }] : [];
    return {
      AuthorizationPolicy(p) {
        if (p.dryRun || p.action !== "DENY" && p.action !== "ALLOW" || !p.rules) return;
        const deny = p.action === "DENY";
        const field = deny ? "paths" : "notPaths";
        let target = null;
        p.rules.forEach((rule, ri) => {
          if (!isRecord(rule)) return;
          arr(rule.to).forEach((to, ti) => {
            const op = isRecord(to) && isRecord(to.operation) ? to.operation : void 0;
            if (!op) return;
            const values = arr(op[field]);
            const strings4 = values.filter((v) => typeof v === "string");
            values.forEach((v, vi) => {
              if (typeof v !== "string" || !isExact(v)) return;
              const within = field === "notPaths" ? arr(op.paths).filter((x) => typeof x === "string") : [];
              const forms = bypasses(v, strings4, mode, within);
              if (forms.length === 0) return;
              if (target === null) target = envoyTarget(model, p);
              if (target === void 0) return;
              const path = ["spec", "rules", ri, "to", ti, "operation", field, vi];
              const one = Math.min(forms.length, 3) === 1;
              const trailing = forms.some((f) => f === `${v}/` || `${f}/` === v);
              const stricter = stricterMode(forms, v);
              const base = v.replace(/\/$/, "");
              const advice = [
                trailing ? `${deny ? "deny" : "exclude"} "${templateFix(v)}" too (or "${base}*")` : "",
                stricter ? `set meshConfig.pathNormalization to ${stricter}` : ""
              ].filter(Boolean).join(", and ");
              const suggest = [];
              if (trailing) {
                suggest.push({ desc: `Also match everything under "${base}"`, fix: `${field}: [${[.../* @__PURE__ */ new Set([...strings4, templateFix(v)])].map((s) => `"${s}"`).join(", ")}]` });
              }
              if (stricter) {
                suggest.push({ desc: "Normalize paths more strictly, mesh-wide (test the applications first)", fix: `meshConfig:
  pathNormalization:
    normalization: ${stricter}` });
              }
              context.report({
                at: { resource: p.resource, path },
                messageId: deny ? one ? "denyBypassedOne" : "denyBypassedMany" : one ? "notPathsBypassedOne" : "notPathsBypassedMany",
                data: {
                  name: p.name,
                  path: v,
                  target: target.names,
                  mode,
                  forms: listText(quoted(forms.slice(0, 3))),
                  advice: `${advice.charAt(0).toUpperCase()}${advice.slice(1)}`
                },
                suggest,
                related,
                assumptions: target.assumptions
              });
            });
          });
        });
      }
    };
  }
});

// rules/destinationrule-matches-nothing/index.ts
var TOPOLOGY_LABELS = /* @__PURE__ */ new Set([
  "topology.kubernetes.io/region",
  "topology.kubernetes.io/zone",
  "topology.istio.io/subzone",
  "topology.istio.io/cluster",
  "topology.istio.io/network",
  "kubernetes.io/hostname"
]);
function podsOf(context, e) {
  const model = context.model;
  if (!model.knowsWorkloadsOf(e.namespace)) return void 0;
  if (e.kind === "Service") {
    const s = model.service(e.namespace, e.name);
    return s?.selector && Object.keys(s.selector).length > 0 ? model.servicePods(s) : void 0;
  }
  const se = model.serviceEntryOf(e.resource);
  if (!se?.workloadSelector || model.policiesIn("WorkloadEntry", e.namespace).length > 0) return void 0;
  return model.selectWorkloads(e.namespace, se.workloadSelector);
}
function checkSubsets(context, dr, entries2) {
  if (dr.subsets.length === 0 || entries2.length !== 1) return;
  const pods = podsOf(context, entries2[0]);
  if (!pods) return;
  for (const subset3 of dr.subsets) {
    const keys = Object.keys(subset3.labels);
    if (keys.length === 0 || keys.some((k) => TOPOLOGY_LABELS.has(k))) continue;
    if (pods.some((w) => matchesLabels(subset3.labels, w.podLabels))) continue;
    const e = entries2[0];
    context.report({
      at: { resource: dr.resource, path: ["spec", "subsets", subset3.index, "labels"] },
      messageId: "subsetSelectsNothing",
      data: {
        name: dr.name,
        subset: subset3.name,
        labels: keys.map((k) => `${k}=${subset3.labels[k]}`).join(", "),
        host: `${e.kind} ${e.namespace}/${e.name}`,
        pods: pods.length === 0 ? "has no pods in the input" : `has ${pods.length} workload${pods.length > 1 ? "s" : ""}, none with these labels`
      }
    });
  }
}
var destinationrule_matches_nothing_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A DestinationRule names a host no Service or ServiceEntry provides where it applies, or a subset whose labels select none of the host's pods.",
      url: docsUrl("destinationrule-matches-nothing"),
      recommended: true,
      aliases: ["IST0173", "IST0174", "KIA0202", "KIA0203"],
      tags: ["correctness", "traffic"]
    },
    messages: {
      unknownHost: `DestinationRule "{{name}}" is for host "{{host}}"{{resolved}}, which no Service or ServiceEntry declares: its traffic policy and subsets configure nothing. Fix the host (a short name is a Service of the rule's own namespace), or remove the rule.`,
      hostNotExported: 'DestinationRule "{{name}}" is for host "{{host}}", but {{declarer}} is exported only to {{hostExport}} and the rule only to {{ruleExport}}: no client sees both, so the rule configures nothing. Align the exportTo lists.',
      subsetSelectsNothing: `DestinationRule "{{name}}" defines subset "{{subset}}" ({{labels}}), but {{host}} {{pods}}: the subset has no endpoints, so requests routed to it fail with 503 (no healthy upstream). Fix the labels to match the pods' labels.`
    },
    schema: [],
    defaultSeverity: "warn",
    reads: reads(READS.hosts, READS.services, READS.workloads, READS.workloadEntries)
  },
  create(context) {
    return {
      DestinationRule(dr) {
        if (!dr.host) return;
        const model = context.model;
        const fqdn = resolveHost(dr.host, dr.namespace);
        const wildcard = fqdn.startsWith("*");
        const covering = wildcard ? model.hosts.under(fqdn) : model.hosts.lookup(fqdn);
        if (covering.length === 0) {
          if (!(wildcard ? model.mesh.complete : model.knowsHost(fqdn))) return;
          context.report({
            at: { resource: dr.resource, path: ["spec", "host"] },
            messageId: "unknownHost",
            data: { name: dr.name, host: dr.host, resolved: fqdn === dr.host ? "" : ` (${fqdn})` }
          });
          return;
        }
        const ruleExport = new Set(dr.exportTo);
        const visible = covering.filter((e) => exportsOverlap(ruleExport, e.exportTo));
        if (visible.length === 0) {
          const e = covering[0];
          context.report({
            at: { resource: dr.resource, path: ["spec", "host"] },
            messageId: "hostNotExported",
            data: { name: dr.name, host: dr.host, declarer: `${e.kind} ${e.namespace}/${e.name}`, hostExport: exportToText(e.exportTo), ruleExport: exportToText(ruleExport) }
          });
          return;
        }
        if (!wildcard) checkSubsets(context, dr, visible.filter((e) => e.host === fqdn));
      }
    };
  }
});

// rules/destinationrule-merge-conflict/index.ts
var label = (d) => `"${d.namespace}/${d.name}"`;
function mergeKey(d) {
  const spec = isRecord(d.resource.raw.spec) ? d.resource.raw.spec : {};
  const exportTo = Array.isArray(spec.exportTo) ? [...new Set(d.exportTo)].sort().join(",") : "";
  const selector = d.workloadSelector ? JSON.stringify(Object.entries(d.workloadSelector).sort()) : "";
  return `${d.namespace}|${resolveHost(d.host, d.namespace)}|${selector}|${exportTo}`;
}
function reportGroup(context, group) {
  const bySubset = /* @__PURE__ */ new Map();
  for (const d of group) {
    for (const s of new Set(d.subsets.map((x) => x.name))) {
      const list = bySubset.get(s);
      if (list) list.push(d);
      else bySubset.set(s, [d]);
    }
  }
  for (const [subset3, rules] of bySubset) {
    if (rules.length < 2) continue;
    for (const d of rules) {
      const others = rules.filter((o) => o !== d);
      const at3 = d.subsets.find((s) => s.name === subset3).index;
      context.report({
        at: { resource: d.resource, path: ["spec", "subsets", at3, "name"] },
        messageId: "duplicateSubset",
        data: { name: d.name, subset: subset3, host: resolveHost(d.host, d.namespace), others: listText(others.map(label), 5) },
        related: others.slice(0, 5).map((o) => ({ at: { resource: o.resource, path: ["spec", "subsets", o.subsets.find((s) => s.name === subset3).index, "name"] }, message: `DestinationRule ${o.namespace}/${o.name} defines subset "${subset3}" too` }))
      });
    }
  }
  const withPolicy = group.filter((d) => isRecord(d.resource.raw.spec) && isRecord(d.resource.raw.spec.trafficPolicy));
  if (withPolicy.length < 2) return;
  for (const d of withPolicy) {
    const others = withPolicy.filter((o) => o !== d);
    context.report({
      at: { resource: d.resource, path: ["spec", "trafficPolicy"], part: "key" },
      messageId: "ignoredTrafficPolicy",
      data: { name: d.name, host: resolveHost(d.host, d.namespace), others: listText(others.map(label), 5) },
      related: others.slice(0, 5).map((o) => ({ at: { resource: o.resource, path: ["spec", "trafficPolicy"], part: "key" }, message: `DestinationRule ${o.namespace}/${o.name} has a trafficPolicy too` }))
    });
  }
}
var destinationrule_merge_conflict_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "DestinationRules that istiod merges for one host define the same subset or each a trafficPolicy: all but the oldest are ignored.",
      url: docsUrl("destinationrule-merge-conflict"),
      recommended: true,
      aliases: ["KIA0201"],
      tags: ["correctness", "traffic"]
    },
    messages: {
      duplicateSubset: `DestinationRule "{{name}}" defines subset "{{subset}}" of {{host}}, and so does DestinationRule {{others}} of the same namespace: istiod merges them and keeps the subset of the oldest only, so the other's labels and policy for "{{subset}}" are ignored. Define each subset once.`,
      ignoredTrafficPolicy: 'DestinationRule "{{name}}" sets a trafficPolicy for {{host}}, and so does DestinationRule {{others}} of the same namespace: istiod merges them and keeps the trafficPolicy of the oldest only (TLS, load balancing, connection pool), ignoring the others whole. Put the trafficPolicy in one of them.'
    },
    schema: [],
    defaultSeverity: "warn",
    reads: []
  },
  create(context) {
    const groups = /* @__PURE__ */ new Map();
    return {
      DestinationRule(d) {
        const key2 = mergeKey(d);
        const list = groups.get(key2);
        if (list) list.push(d);
        else groups.set(key2, [d]);
      },
      "Mesh:exit"() {
        for (const group of groups.values()) if (group.length > 1) reportGroup(context, group);
      }
    };
  }
});

// rules/destinationrule-tls-unverified/index.ts
var VERIFYING_MODES = /* @__PURE__ */ new Set(["SIMPLE", "MUTUAL"]);
function tlsBlocks(spec) {
  const out = [];
  const policy = (tp, base) => {
    if (!isRecord(tp)) return;
    if (isRecord(tp.tls)) out.push({ tls: tp.tls, path: [...base, "tls"] });
    arr(tp.portLevelSettings).forEach((s, i) => {
      if (isRecord(s) && isRecord(s.tls)) out.push({ tls: s.tls, path: [...base, "portLevelSettings", i, "tls"], port: isRecord(s.port) ? s.port.number : void 0 });
    });
  };
  policy(spec.trafficPolicy, ["spec", "trafficPolicy"]);
  arr(spec.subsets).forEach((s, i) => isRecord(s) && policy(s.trafficPolicy, ["spec", "subsets", i, "trafficPolicy"]));
  return out;
}
var destinationrule_tls_unverified_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A DestinationRule originates TLS (SIMPLE or MUTUAL) with insecureSkipVerify: the server's certificate is not verified.",
      url: docsUrl("destinationrule-tls-unverified"),
      recommended: true,
      aliases: ["IST0128", "IST0129"],
      tags: ["security", "tls"]
    },
    messages: {
      skipVerify: 'DestinationRule "{{name}}" originates {{mode}} TLS to "{{host}}"{{port}} with insecureSkipVerify: the proxy accepts any server certificate, so anyone on the path can impersonate the server. Remove insecureSkipVerify and set caCertificates (or rely on the system roots) and subjectAltNames.'
    },
    schema: [],
    defaultSeverity: "warn",
    reads: []
  },
  create(context) {
    return {
      DestinationRule(dr) {
        const spec = isRecord(dr.resource.raw.spec) ? dr.resource.raw.spec : {};
        for (const b of tlsBlocks(spec)) {
          const mode = b.tls.mode;
          if (typeof mode !== "string" || !VERIFYING_MODES.has(mode)) continue;
          if (b.tls.insecureSkipVerify !== true) continue;
          context.report({
            at: { resource: dr.resource, path: [...b.path, "insecureSkipVerify"] },
            messageId: "skipVerify",
            data: { name: dr.name, mode, host: dr.host, port: typeof b.port === "number" ? ` port ${b.port}` : "" }
          });
        }
      }
    };
  }
});

// rules/envoyfilter-patches/index.ts
var RELATIVE = /* @__PURE__ */ new Set(["INSERT_BEFORE", "INSERT_AFTER", "REPLACE", "REMOVE"]);
var IGNORED = {
  REPLACE: { messageId: "replaceIgnored", unless: /* @__PURE__ */ new Set(["HTTP_FILTER", "NETWORK_FILTER", "VIRTUAL_HOST", "LISTENER_FILTER"]) },
  ADD: { messageId: "addIgnored", on: /* @__PURE__ */ new Set(["ROUTE_CONFIGURATION"]) },
  REMOVE: { messageId: "removeIgnored", on: /* @__PURE__ */ new Set(["ROUTE_CONFIGURATION"]) }
};
function ignored(operation, applyTo) {
  const rule = IGNORED[operation];
  if (!rule) return void 0;
  if (rule.unless && !rule.unless.has(applyTo)) return rule.messageId;
  if (rule.on?.has(applyTo)) return rule.messageId;
  return void 0;
}
var rec = (v) => isRecord(v) ? v : {};
var str2 = (v) => typeof v === "string" ? v : "";
function patchesOf(r) {
  const spec = rec(r.raw.spec);
  const list = Array.isArray(spec.configPatches) ? spec.configPatches : [];
  return list.flatMap((cp, index) => {
    const patch = rec(rec(cp).patch);
    const match = rec(rec(cp).match);
    const value = rec(patch.value);
    const element = str2(value.name) || (Object.keys(value).length > 0 ? str2(rec(rec(rec(match.listener).filterChain).filter).name) : "");
    return [{ filter: r, index, applyTo: str2(rec(cp).applyTo), operation: str2(patch.operation), element, proxyVersion: str2(rec(match.proxy).proxyVersion) !== "" }];
  });
}
var at2 = (p, ...tail) => ({ resource: p.filter, path: ["spec", "configPatches", p.index, ...tail] });
var envoyfilter_patches_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "An EnvoyFilter patch istiod ignores for its applyTo, or a relative patch (INSERT_BEFORE/AFTER, REPLACE, REMOVE) whose EnvoyFilter sets no priority.",
      url: docsUrl("envoyfilter-patches"),
      recommended: true,
      aliases: ["IST0151", "IST0152", "IST0153", "IST0154", "IST0155"],
      tags: ["envoyfilter"]
    },
    messages: {
      relativeWithoutPriority: 'EnvoyFilter "{{name}}" patches {{applyTo}} with {{operation}}, relative to what earlier patches left, and sets no priority: EnvoyFilters of one priority apply root namespace first, then by creation time, so whether the element it is relative to is there yet depends on when each EnvoyFilter was created (a re-created one moves last). Set spec.priority, or use INSERT_FIRST or ADD.',
      relativeWithProxyVersion: 'EnvoyFilter "{{name}}" patches {{applyTo}} with {{operation}} relative to "{{element}}", which the proxyVersion-scoped patch of EnvoyFilter "{{other}}" also names, and sets no priority: proxies of other versions (during every upgrade) do not get that patch, so what this one finds differs from proxy to proxy, and may be nothing. Set spec.priority, or use INSERT_FIRST or ADD.',
      replaceIgnored: 'EnvoyFilter "{{name}}" patches {{applyTo}} with REPLACE, which istiod applies to HTTP_FILTER, NETWORK_FILTER, LISTENER_FILTER and VIRTUAL_HOST only: this patch is silently ignored. Use MERGE, or REMOVE and ADD.',
      addIgnored: 'EnvoyFilter "{{name}}" patches ROUTE_CONFIGURATION with ADD, which istiod ignores (a route configuration takes MERGE only): this patch changes nothing. Use MERGE, or ADD a VIRTUAL_HOST or HTTP_ROUTE.',
      removeIgnored: 'EnvoyFilter "{{name}}" patches ROUTE_CONFIGURATION with REMOVE, which istiod ignores (a route configuration takes MERGE only): this patch changes nothing. REMOVE the VIRTUAL_HOST or HTTP_ROUTE instead.'
    },
    schema: [],
    defaultSeverity: "warn",
    reads: []
  },
  create(context) {
    const model = context.model;
    const patches = [];
    return {
      EnvoyFilter(r) {
        patches.push(...patchesOf(r));
      },
      "Mesh:exit"() {
        const scoped = /* @__PURE__ */ new Map();
        for (const p of patches) {
          if (!p.proxyVersion || p.element === "") continue;
          const byNs = scoped.get(p.element) ?? /* @__PURE__ */ new Map();
          scoped.set(p.element, byNs);
          const list = byNs.get(p.filter.namespace);
          if (list) list.push(p);
          else byNs.set(p.filter.namespace, [p]);
        }
        const root = model.rootNamespace;
        const scopedPeer = (p) => {
          const byNs = scoped.get(p.element);
          if (!byNs) return void 0;
          const lists = p.filter.namespace === root ? [...byNs.values()] : [byNs.get(p.filter.namespace) ?? [], byNs.get(root) ?? []];
          for (const list of lists) {
            const other = list.find((o) => o !== p);
            if (other) return other;
          }
          return void 0;
        };
        for (const p of patches) {
          const name = p.filter.name;
          const wrong = ignored(p.operation, p.applyTo);
          if (wrong) {
            context.report({ at: at2(p, "patch", "operation"), messageId: wrong, data: { name, applyTo: p.applyTo } });
            continue;
          }
          if (!RELATIVE.has(p.operation) || priorityOf(p.filter) !== 0) continue;
          const other = scopedPeer(p);
          if (other) {
            context.report({
              at: at2(p, "patch", "operation"),
              messageId: "relativeWithProxyVersion",
              data: { name, applyTo: p.applyTo, operation: p.operation, element: p.element, other: `${other.filter.namespace}/${other.filter.name}` },
              related: [{ at: at2(other, "match", "proxy", "proxyVersion"), message: `the proxyVersion of EnvoyFilter "${other.filter.name}"` }]
            });
          } else {
            context.report({ at: at2(p, "patch", "operation"), messageId: "relativeWithoutPriority", data: { name, applyTo: p.applyTo, operation: p.operation } });
          }
        }
      }
    };
  }
});
function priorityOf(r) {
  const p = rec(r.raw.spec).priority;
  return typeof p === "number" ? p : 0;
}

// rules/exportto-unknown-namespace/index.ts
var ANNOTATION = "networking.istio.io/exportTo";
var BUILTIN2 = ["default", "kube-system", "kube-public", "kube-node-lease"];
function check(context, r, entries2) {
  const model = context.model;
  for (const { value, path } of entries2) {
    if (value === "." || value === "*" || value === "~" || value === "" || BUILTIN2.includes(value) || value === model.rootNamespace) continue;
    if (model.namespaces.has(value)) continue;
    const near = closest(value, [...model.namespaces.keys()]);
    context.report({
      at: { resource: r, path },
      messageId: "unknownNamespace",
      data: { kind: r.kind, name: r.name, namespace: value, hint: near ? ` Did you mean "${near}"?` : "" }
    });
  }
}
var exportto_unknown_namespace_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "An exportTo list (VirtualService, DestinationRule, ServiceEntry, or a Service's networking.istio.io/exportTo annotation) names a namespace that does not exist (with --complete).",
      url: docsUrl("exportto-unknown-namespace"),
      recommended: true,
      aliases: ["KIA0005"],
      tags: ["correctness", "traffic"]
    },
    messages: {
      unknownNamespace: '{{kind}} "{{name}}" is exported to namespace "{{namespace}}", which does not exist in this cluster: the entry exports to no one, so the clients it was meant for do not see the {{kind}}.{{hint}} Fix the name.'
    },
    schema: [],
    defaultSeverity: "warn",
    reads: []
  },
  create(context) {
    if (!context.model.mesh.complete) return {};
    const spec = (r) => r.raw.spec && typeof r.raw.spec === "object" ? r.raw.spec : {};
    const listed = (r) => arr(spec(r).exportTo).flatMap((v, i) => typeof v === "string" ? [{ value: v, path: ["spec", "exportTo", i] }] : []);
    return {
      VirtualService: (r) => check(context, r, listed(r)),
      ServiceEntry: (r) => check(context, r, listed(r)),
      DestinationRule: (dr) => check(context, dr.resource, listed(dr.resource)),
      Service(s) {
        const anno = s.resource.annotations[ANNOTATION];
        if (anno === void 0) return;
        const path = ["metadata", "annotations", ANNOTATION];
        check(context, s.resource, anno.split(",").map((v) => ({ value: v.trim(), path })));
      }
    };
  }
});

// src/model/gateway-merge.ts
var HTTP_PROTOCOLS = /* @__PURE__ */ new Set(["HTTP", "HTTP2", "HTTP_PROXY", "GRPC", "GRPC-WEB"]);
function push(map, key2, value) {
  const list = map.get(key2);
  if (list) list.push(value);
  else map.set(key2, [value]);
}
function serverClashes(proxy, clashes) {
  const note = (p, o, kind, host) => {
    if (o.owner === p.owner) return;
    let c = clashes.get(p.server);
    if (!c) clashes.set(p.server, c = { at: p, kind, others: /* @__PURE__ */ new Map() });
    let entry = c.others.get(o.owner);
    if (!entry) c.others.set(o.owner, entry = { placed: o, hosts: /* @__PURE__ */ new Set() });
    if (host !== void 0) entry.hosts.add(host);
  };
  const buckets = /* @__PURE__ */ new Map();
  for (const p of proxy) push(buckets, `${p.server.port}|${p.server.bind}`, p);
  for (const bucket of buckets.values()) {
    if (bucket.length < 2) continue;
    const tlsByHost = /* @__PURE__ */ new Map();
    for (const p of bucket) if (p.server.tls) for (const h of new Set(p.server.hosts)) push(tlsByHost, h, p);
    for (const [host, list] of tlsByHost) for (const p of list) for (const o of list) note(p, o, "duplicateTlsHost", host);
    const plain = bucket.filter((p) => !p.server.tls);
    if (plain.every((p) => HTTP_PROTOCOLS.has(p.server.protocol))) continue;
    for (const p of plain) {
      for (const o of plain) if (!(HTTP_PROTOCOLS.has(p.server.protocol) && HTTP_PROTOCOLS.has(o.server.protocol))) note(p, o, "protocolConflict");
    }
  }
}

// rules/gateway-api-listener-conflict/index.ts
function listenersOf(g) {
  const spec = g.resource.raw.spec;
  if (!isRecord(spec)) return [];
  return arr(spec.listeners).flatMap((l, i) => {
    if (!isRecord(l) || typeof l.port !== "number") return [];
    const protocol = (str(l.protocol) ?? "").toUpperCase();
    const hostname = str(l.hostname) || void 0;
    const server = { port: l.port, protocol, bind: "", hosts: [`${g.namespace}/${hostname ?? "*"}`], tls: protocol === "HTTPS" || protocol === "TLS", path: ["spec", "listeners", i] };
    return [{ name: str(l.name) ?? "", hostname, server }];
  });
}
function addressesOf(g) {
  const spec = g.resource.raw.spec;
  if (!isRecord(spec)) return [];
  return arr(spec.addresses).flatMap((a, index) => isRecord(a) && str(a.value) ? [{ type: str(a.type) ?? "IPAddress", value: str(a.value), index }] : []);
}
function sharedServices(g, addresses) {
  if (addresses.length === 0 || addresses.length === 1 && addresses[0].type === "IPAddress") return [];
  return addresses.filter((a) => a.type === "Hostname").map((a) => a.value.includes(".") ? a.value : `${a.value}.${g.namespace}.svc.${DOMAIN_SUFFIX}`);
}
function reportDuplicateListeners(context, g, listeners) {
  const first = /* @__PURE__ */ new Map();
  for (const l of listeners) {
    const key2 = `${l.server.port}|${l.server.protocol}|${l.hostname ?? ""}`;
    const earlier = first.get(key2);
    if (!earlier) {
      first.set(key2, l);
      continue;
    }
    context.report({
      at: { resource: g.resource, path: [...l.server.path, "name"] },
      messageId: "duplicateListener",
      data: { name: g.name, listener: l.name, other: earlier.name, port: l.server.port, protocol: l.server.protocol, hostname: l.hostname ?? "no hostname" },
      related: [{ at: { resource: g.resource, path: [...earlier.server.path, "name"] }, message: `listener "${earlier.name}" has the same port, protocol and hostname` }]
    });
  }
}
function reportClash(context, c, service) {
  const { owner: g, server } = c.at;
  const others = [...c.others.values()];
  context.report({
    at: { resource: g.resource, path: [...server.path, "port"] },
    messageId: c.kind,
    data: {
      name: g.name,
      port: server.port,
      protocol: server.protocol,
      service,
      others: listText(others.map((o) => `"${o.placed.owner.namespace}/${o.placed.owner.name}" (${o.placed.server.protocol})`), 5),
      hosts: listText([...new Set(others.flatMap((o) => [...o.hosts].map((h) => h.slice(h.indexOf("/") + 1))))])
    },
    related: others.slice(0, 5).map((o) => ({ at: { resource: o.placed.owner.resource, path: [...o.placed.server.path, "port"] }, message: `Gateway ${o.placed.owner.namespace}/${o.placed.owner.name} also listens on port ${o.placed.server.port} of ${service}` }))
  });
}
var gateway_api_listener_conflict_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "Gateway API listeners that cannot all work: repeated in one Gateway, clashing on a gateway deployment that Gateways share, or Gateways asking for the same load-balancer IP.",
      url: docsUrl("gateway-api-listener-conflict"),
      recommended: true,
      aliases: ["KIA1501", "KIA1502", "KIA1503"],
      tags: ["correctness", "traffic"]
    },
    messages: {
      duplicateListener: 'Listener "{{listener}}" of Gateway "{{name}}" has the port ({{port}}), protocol ({{protocol}}) and hostname ({{hostname}}) of listener "{{other}}": the Gateway CRD requires the combination to be unique, so the API server rejects the Gateway. Merge the listeners, or change the hostname or port of one.',
      sameAddress: 'Gateway "{{name}}" asks for address {{address}}, as Gateway {{others}} does: istiod gives each its own LoadBalancer Service with loadBalancerIP {{address}}, and the load balancer assigns an IP to one Service only, so the other Gateway gets no address. Give each Gateway its own address, or bind them to one gateway deployment with a Hostname address.',
      duplicateTlsHost: 'Gateway "{{name}}" terminates TLS for {{hosts}} on port {{port}} of the shared gateway Service {{service}}, as Gateway {{others}} does: istiod keeps one TLS server per host and port and skips the whole listener it merges second. Serve each hostname once per port on a shared gateway.',
      protocolConflict: 'Gateway "{{name}}" listens on port {{port}} with {{protocol}} on the shared gateway Service {{service}}, and Gateway {{others}} on the same port: istiod merges plaintext listeners of one port only when both speak HTTP, so it skips one of them. Use different ports.'
    },
    schema: [],
    defaultSeverity: "warn",
    reads: []
  },
  create(context) {
    const byService = /* @__PURE__ */ new Map();
    const byAddress = /* @__PURE__ */ new Map();
    return {
      Gateway(g) {
        if (g.isWaypoint) return;
        const listeners = listenersOf(g);
        reportDuplicateListeners(context, g, listeners);
        const addresses = addressesOf(g);
        const services = sharedServices(g, addresses);
        for (const s of services) {
          const list = byService.get(s) ?? [];
          byService.set(s, list);
          for (const l of listeners) list.push({ owner: g, server: l.server });
        }
        const serviceType = g.resource.annotations["networking.istio.io/service-type"] ?? "LoadBalancer";
        if (services.length === 0 && addresses.length === 1 && g.className === "istio" && serviceType === "LoadBalancer") {
          const a = addresses[0];
          const list = byAddress.get(a.value) ?? [];
          byAddress.set(a.value, list);
          list.push({ g, address: a });
        }
      },
      "Mesh:exit"() {
        for (const [service, proxy] of byService) {
          const clashes = /* @__PURE__ */ new Map();
          serverClashes(proxy, clashes);
          for (const c of clashes.values()) reportClash(context, c, service);
        }
        for (const [value, list] of byAddress) {
          if (list.length < 2) continue;
          for (const { g, address } of list) {
            const others = list.filter((o) => o.g !== g);
            context.report({
              at: { resource: g.resource, path: ["spec", "addresses", address.index, "value"] },
              messageId: "sameAddress",
              data: { name: g.name, address: value, others: listText(others.map((o) => `"${o.g.namespace}/${o.g.name}"`), 5) },
              related: others.slice(0, 5).map((o) => ({ at: { resource: o.g.resource, path: ["spec", "addresses", o.address.index, "value"] }, message: `Gateway ${o.g.namespace}/${o.g.name} asks for ${value} too` }))
            });
          }
        }
      }
    };
  }
});

// rules/gateway-api-route-references/index.ts
var GROUP = "gateway.networking.k8s.io";
var ROUTES = /* @__PURE__ */ new Set(["HTTPRoute", "GRPCRoute", "TCPRoute", "TLSRoute", "UDPRoute"]);
function refOf(v, path, defaults) {
  if (!isRecord(v) || !str(v.name)) return void 0;
  return { group: str(v.group) ?? defaults.group, kind: str(v.kind) ?? defaults.kind, namespace: str(v.namespace) ?? defaults.namespace, name: str(v.name), sectionName: str(v.sectionName), path };
}
function known(context, ns) {
  return context.model.mesh.complete || context.model.declaresNamespace(ns);
}
function listenersAdmit(context, gw, routeNs, section) {
  const spec = isRecord(gw.raw.spec) ? gw.raw.spec : {};
  const listeners = arr(spec.listeners).filter((l) => isRecord(l) && (section === void 0 || l.name === section));
  if (listeners.length === 0) return void 0;
  let unknown = false;
  for (const l of listeners) {
    const allowed = isRecord(l.allowedRoutes) && isRecord(l.allowedRoutes.namespaces) ? l.allowedRoutes.namespaces : {};
    const from = str(allowed.from) ?? "Same";
    if (from === "All" || from === "Same" && routeNs === gw.namespace) return true;
    if (from === "Selector") {
      if (!context.model.declaresNamespace(routeNs)) unknown = true;
      else if (isRecord(allowed.selector) && !allowed.selector.matchExpressions && matchesLabels(stringMap(allowed.selector.matchLabels), context.model.namespaceLabels(routeNs))) return true;
      else if (isRecord(allowed.selector) && allowed.selector.matchExpressions) unknown = true;
    }
  }
  return unknown ? void 0 : false;
}
var gateway_api_route_references_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A Gateway API route names a parent Gateway or Service, or a backend Service, that does not exist, does not admit it, or is in another namespace without a ReferenceGrant.",
      url: docsUrl("gateway-api-route-references"),
      recommended: true,
      aliases: ["KIA1401", "KIA1402"],
      tags: ["correctness", "traffic", "gateway-api"]
    },
    messages: {
      unknownParent: '{{kind}} "{{name}}" is attached to {{parentKind}} {{parent}}, which does not exist: the route is not attached there (Accepted=False for that parent). Fix parentRefs.',
      parentNotAllowed: '{{kind}} "{{name}}" is attached to Gateway {{parent}}, but {{listeners}} admit{{s}} no routes from namespace {{namespace}} (allowedRoutes.namespaces): the route is not accepted there. Attach it from an admitted namespace, or widen allowedRoutes.',
      unknownBackend: '{{kind}} "{{name}}" sends traffic to Service {{backend}}, which does not exist: requests for this rule get 500 (ResolvedRefs=False, BackendNotFound). Fix backendRefs.',
      backendNotGranted: '{{kind}} "{{name}}" sends traffic to Service {{backend}} in another namespace, but no ReferenceGrant in namespace {{namespace}} allows {{kind}}s of namespace {{from}} to refer to it: requests for this rule get 500 (ResolvedRefs=False, RefNotPermitted). Add a ReferenceGrant in {{namespace}}.'
    },
    schema: [],
    defaultSeverity: "error"
  },
  create(context) {
    return {
      "Mesh:exit"() {
        const model = context.model;
        const grants = /* @__PURE__ */ new Map();
        for (const r of model.resources) {
          if (r.group !== GROUP || r.kind !== "ReferenceGrant" || !isRecord(r.raw.spec)) continue;
          const list = grants.get(r.namespace) ?? [];
          list.push(r.raw.spec);
          grants.set(r.namespace, list);
        }
        const granted = (route, ref) => (grants.get(ref.namespace) ?? []).some(
          (g) => arr(g.from).some((f) => isRecord(f) && f.group === GROUP && f.kind === route.kind && f.namespace === route.namespace) && arr(g.to).some((t) => isRecord(t) && (t.group ?? "") === "" && t.kind === "Service" && (t.name === void 0 || t.name === ref.name))
        );
        for (const route of model.resources) {
          if (route.group !== GROUP || !ROUTES.has(route.kind) || !isRecord(route.raw.spec)) continue;
          const spec = route.raw.spec;
          const base = { kind: route.kind, name: route.name };
          arr(spec.parentRefs).forEach((v, i) => {
            const ref = refOf(v, ["spec", "parentRefs", i], { group: GROUP, kind: "Gateway", namespace: route.namespace });
            if (!ref) return;
            if (ref.group === GROUP && ref.kind === "Gateway") {
              const gw = model.gateway(ref.namespace, ref.name);
              if (!gw) {
                if (known(context, ref.namespace)) context.report({ at: { resource: route, path: [...ref.path, "name"] }, messageId: "unknownParent", data: { ...base, parentKind: "Gateway", parent: `${ref.namespace}/${ref.name}` } });
                return;
              }
              if (listenersAdmit(context, gw.resource, route.namespace, ref.sectionName) === false) {
                context.report({
                  at: { resource: route, path: [...ref.path, "name"] },
                  messageId: "parentNotAllowed",
                  data: { ...base, parent: `${ref.namespace}/${ref.name}`, listeners: ref.sectionName ? `its listener "${ref.sectionName}"` : "its listeners", s: ref.sectionName ? "s" : "", namespace: route.namespace }
                });
              }
            } else if (ref.group === "" && ref.kind === "Service" && !model.service(ref.namespace, ref.name) && known(context, ref.namespace)) {
              context.report({ at: { resource: route, path: [...ref.path, "name"] }, messageId: "unknownParent", data: { ...base, parentKind: "Service", parent: `${ref.namespace}/${ref.name}` } });
            }
          });
          arr(spec.rules).forEach((rule, i) => {
            if (!isRecord(rule)) return;
            arr(rule.backendRefs).forEach((v, j) => {
              const ref = refOf(v, ["spec", "rules", i, "backendRefs", j], { group: "", kind: "Service", namespace: route.namespace });
              if (!ref || ref.group !== "" || ref.kind !== "Service") return;
              if (!model.service(ref.namespace, ref.name)) {
                if (known(context, ref.namespace)) context.report({ at: { resource: route, path: [...ref.path, "name"] }, messageId: "unknownBackend", data: { ...base, backend: `${ref.namespace}/${ref.name}` } });
                return;
              }
              if (ref.namespace !== route.namespace && known(context, ref.namespace) && !granted(route, ref)) {
                context.report({
                  at: { resource: route, path: [...ref.path, "namespace"] },
                  messageId: "backendNotGranted",
                  data: { ...base, backend: `${ref.namespace}/${ref.name}`, namespace: ref.namespace, from: route.namespace }
                });
              }
            });
          });
        }
      }
    };
  }
});

// rules/image-auto-not-injected/index.ts
var image_auto_not_injected_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: 'An istio-proxy container with `image: auto` in a pod the sidecar injector does not inject: the image "auto" cannot be pulled.',
      url: docsUrl("image-auto-not-injected"),
      recommended: true,
      aliases: ["IST0146", "IST0147"],
      tags: ["correctness", "dataplane"]
    },
    messages: {
      imageAutoNotInjected: '{{kind}} "{{name}}" declares an istio-proxy container with `image: auto`, which only the sidecar injector replaces, but its pods get {{dataplane}}: the image "auto" cannot be pulled and the pods never start. Enable injection for them (namespace label istio-injection=enabled, or pod label sidecar.istio.io/inject="true"), or name the proxy image.',
      podImageAutoNotInjected: 'Pod "{{name}}" declares an istio-proxy container with `image: auto`, which only the sidecar injector replaces, but it gets {{dataplane}}: the image "auto" cannot be pulled and the pod never starts. Enable injection for it (namespace label istio-injection=enabled, or pod label sidecar.istio.io/inject="true"), or name the proxy image.'
    },
    schema: [],
    defaultSeverity: "error",
    reads: []
  },
  create(context) {
    return {
      Workload(w) {
        if (w.dataplane.mode === "sidecar") return;
        const proxy = podSpecOf(w).containers.find((c) => c.name === "istio-proxy" && c.image === "auto");
        if (!proxy) return;
        const dataplane = w.dataplane.reason ? `${w.dataplane.mode === "ambient" ? "ambient mode" : "no sidecar"} (${w.dataplane.reason})` : "no sidecar";
        context.report({
          at: { resource: w.resource, path: [...proxy.path, "image"] },
          messageId: w.kind === "Pod" ? "podImageAutoNotInjected" : "imageAutoNotInjected",
          data: { kind: w.kind, name: w.name, dataplane },
          assumptions: context.model.assumptionsOf([w])
        });
      }
    };
  }
});

// rules/inbound-port-conflict/index.ts
var MANAGED = "gateway.istio.io/managed";
function containerPort(w, p) {
  if (typeof p.targetPort === "number") return String(p.targetPort);
  const named = w.ports.find((c) => c.name === p.targetPort);
  return named ? String(named.port) : /^\d+$/.test(p.targetPort) ? p.targetPort : `"${p.targetPort}"`;
}
function exposuresByPort(w, services) {
  const out = /* @__PURE__ */ new Map();
  for (const service of services) {
    for (const port2 of service.ports) {
      if (port2.protocol === "UDP" || port2.protocol === "SCTP") continue;
      const key2 = containerPort(w, port2);
      const list = out.get(key2) ?? [];
      list.push({ service, port: port2, protocol: portProtocol(port2) ?? "detected (no protocol named)" });
      out.set(key2, list);
    }
  }
  return out;
}
function distinct(xs) {
  return [...new Set(xs)];
}
var inbound_port_conflict_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "Services that select the same sidecar workload disagree about one of its ports: different protocols, or different Service ports for one target port.",
      url: docsUrl("inbound-port-conflict"),
      recommended: true,
      aliases: ["IST0116", "IST0137"],
      tags: ["correctness", "traffic"]
    },
    messages: {
      conflictingProtocols: `{{kind}} "{{name}}" is selected by Services {{services}}, which give its port {{port}} different protocols ({{protocols}}): its sidecar builds one inbound chain for the port, with the protocol of the oldest of these Services, so the others' traffic is handled as that protocol. Give the port one protocol in every Service (port name prefix or appProtocol).`,
      conflictingPorts: '{{kind}} "{{name}}" is selected by Services {{services}}, which expose its port {{port}} as different Service ports ({{ports}}){{protocols}}: its sidecar builds one inbound chain for the port from the oldest of these Services only, which decides the protocol and the Service its metrics name. Use the same port number and protocol in every Service that targets it.'
    },
    schema: [],
    defaultSeverity: "warn",
    reads: reads(READS.services)
  },
  create(context) {
    const model = context.model;
    return {
      Workload(w) {
        if (w.dataplane.mode !== "sidecar" || w.resource.labels[MANAGED] !== void 0 || isIstioGatewayWorkload(w)) return;
        const services = model.servicesOf(w);
        for (const [port2, exposures] of exposuresByPort(w, services)) {
          const names3 = distinct(exposures.map((e) => `"${e.service.name}"`));
          const protocols = distinct(exposures.map((e) => e.protocol));
          const ports = distinct(exposures.map((e) => e.port.port));
          if (names3.length < 2 && protocols.length < 2) continue;
          if (ports.length < 2 && protocols.length < 2) continue;
          const related = exposures.map((e) => ({
            at: { resource: e.service.resource, path: ["spec", "ports", e.port.index] },
            message: `Service "${e.service.name}" port ${e.port.port} (${e.protocol}) targets it`
          }));
          const data = { kind: w.kind, name: w.name, services: listText(names3), port: port2 };
          const at3 = { resource: w.resource, path: ["metadata", "name"] };
          const assumptions = model.assumptionsOf([w]);
          if (ports.length > 1) {
            const differ = protocols.length > 1 ? ` and protocols (${listText(protocols)})` : "";
            context.report({ at: at3, messageId: "conflictingPorts", data: { ...data, ports: listText(ports.map(String)), protocols: differ }, related, assumptions });
          } else {
            context.report({ at: at3, messageId: "conflictingProtocols", data: { ...data, protocols: listText(protocols) }, related, assumptions });
          }
        }
      }
    };
  }
});

// rules/intent-denied/index.ts
function concretePath(pattern2) {
  let p = pattern2.replace(/\{\*\*?\}/g, "x");
  if (p.endsWith("*")) p = p.slice(0, -1);
  if (p.startsWith("*")) p = `/x${p.slice(1)}`;
  return p === "" ? "/" : p;
}
function requestsOf(http) {
  if (http.length === 0) return [{}];
  return http.flatMap((h) => (h.methods.length > 0 ? h.methods : ["GET"]).map((method) => ({ method, path: concretePath(h.path) })));
}
function label2(w) {
  return `${w.kind} ${w.namespace}/${w.name}`;
}
function firstRefusal(model, o) {
  const targets = o.service ? [{ to: { service: o.service }, name: `Service ${o.service.namespace}/${o.service.name}` }] : o.servers.map((w) => ({ to: { workload: w }, name: label2(w) }));
  for (const client of o.clients) {
    for (const t of targets) {
      for (const r of requestsOf(o.target.http)) {
        const decision = model.checkAccess({ from: { kind: "workload", workload: client }, to: t.to, ...r });
        if (decision.decision === "DENY" && decision.enforcement.length > 0) {
          return { decision, client, server: t.name, request: r.method ? ` (${r.method} ${r.path})` : "" };
        }
      }
    }
  }
  return void 0;
}
var SETTINGS = [
  ["enforcement-default-state", "enforcementDefault"],
  ["enable-istio-policy-creation", "istioPolicyCreation"],
  ["watched-namespaces", "watchedNamespaces"]
];
function fixFor2(o) {
  const why = o.nothing ?? "";
  if (why.includes("native sidecar")) return 'Run istio-proxy as a regular container in the client (sidecar.istio.io/nativeSidecar: "false"), or admit the client with a hand-written policy.';
  if (why.includes("ambient") || why.includes("no sidecar")) return "Inject a sidecar into the client, or admit it with a hand-written policy.";
  if (why.includes("enforcement is off")) return "Protect the server with a ProtectedService (or turn enforcement on), or admit the client with a hand-written policy.";
  if (why.includes("enable-istio-policy-creation")) return "Turn Istio policy creation on in the operator, or admit the client with a hand-written policy.";
  if (why.includes("watched-namespaces")) return "Add the namespace to the operator's watched namespaces, or admit the client with a hand-written policy.";
  return "Admit the client with a hand-written policy, or fix what stops the operator.";
}
var intent_denied_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A call a ClientIntents declares is refused by the mesh: a DENY or CUSTOM policy, ALLOW policies the generated one does not get past, mTLS the client cannot meet, ztunnel dropping the generated HTTP rule, or no policy generated for the client at all.",
      url: docsUrl("intent-denied"),
      recommended: true,
      tags: ["security", "authorization", "otterize"]
    },
    messages: {
      denied: 'ClientIntents "{{intents}}" declares that {{client}} calls {{server}}{{request}}, but the mesh refuses it: {{reason}}. The call fails (HTTP 403 or a reset connection); change what refuses it or the intent.',
      deniedNothingGenerated: 'ClientIntents "{{intents}}" declares that {{client}} calls {{server}}{{request}}, but {{why}}, and the mesh refuses the call: {{reason}}. The call fails (HTTP 403 or a reset connection). {{fix}}'
    },
    schema: [],
    defaultSeverity: "error",
    reads: reads(READS.access, READS.intents)
  },
  create(context) {
    const model = context.model;
    const byIntents = /* @__PURE__ */ new Map();
    for (const o of model.intentOutcomes) {
      const list = byIntents.get(o.intents) ?? [];
      list.push(o);
      byIntents.set(o.intents, list);
    }
    return {
      ClientIntents(intents) {
        for (const o of byIntents.get(intents) ?? []) {
          if (o.target.type !== "kubernetes" && o.target.type !== "service") continue;
          const refusal = firstRefusal(model, o);
          if (!refusal) continue;
          const { decision, client, server, request } = refusal;
          const verdict = o.policy ? decision.policyDecision?.trace.find((v) => v.policy === o.policy && v.note) : void 0;
          const reason2 = verdict ? `${decision.reason}; in the generated policy, ${verdict.note}` : decision.reason;
          const data = { intents: `${intents.namespace}/${intents.name}`, client: label2(client), server, request, reason: reason2 };
          const at3 = { resource: intents.resource, path: o.target.namePath };
          if (o.nothing && !o.policy) {
            const why = o.nothing.replace(/, so the operator (generates nothing for it|fails to generate a policy for it|ignores the intent)$/, "");
            const key2 = SETTINGS.find(([flag]) => why.includes(flag));
            const setting = key2 ? model.otterize.sources[key2[1]] : void 0;
            const related = key2 && setting ? [{ at: setting, message: `the operator's ${key2[0]} is set here` }] : void 0;
            context.report({ at: at3, messageId: "deniedNothingGenerated", data: { ...data, why: `the Otterize operator generates no policy for it (${why})`, fix: fixFor2(o) }, related, assumptions: decision.assumptions });
          } else {
            context.report({ at: at3, messageId: "denied", data, assumptions: decision.assumptions });
          }
        }
      }
    };
  }
});

// rules/intent-shared-service-account/index.ts
function verb(subjects) {
  return subjects.length === 1 ? "does" : "do";
}
function label3(w) {
  return `${w.kind} ${w.namespace}/${w.name}`;
}
var intent_shared_service_account_default = defineRule({
  meta: {
    type: "suggestion",
    docs: {
      description: "The client of a ClientIntents runs as a service account other workloads share (or as `default`): the policies Otterize generates for it admit them too.",
      url: docsUrl("intent-shared-service-account"),
      recommended: true,
      tags: ["security", "otterize", "authorization"]
    },
    messages: {
      defaultAccount: 'ClientIntents "{{intents}}" is for {{client}}, which runs as service account "default"{{others}}: the policies Otterize generates admit "{{principal}}", so every workload of namespace {{namespace}} without a serviceAccountName gets the access declared here. Give the client its own service account.',
      sharedAccount: 'ClientIntents "{{intents}}" is for {{client}}, which runs as service account "{{account}}", as {{others}} {{verb}}: the policies Otterize generates admit "{{principal}}", so they get the access declared here too. Give the client its own service account.'
    },
    schema: [],
    defaultSeverity: "warn",
    reads: reads(READS.intents)
  },
  create(context) {
    const model = context.model;
    const generated = /* @__PURE__ */ new Map();
    for (const o of model.intentOutcomes) {
      if (!o.principal || generated.has(o.intents)) continue;
      generated.set(o.intents, { client: o.clients[0], principal: o.principal, clients: new Set(o.clients) });
    }
    return {
      ClientIntents(intents) {
        const g = generated.get(intents);
        if (!g) return;
        const account = g.client.serviceAccount;
        const others = model.identitiesIn(intents.namespace).flatMap((owner) => owner.workload && owner.serviceAccount === account && !g.clients.has(owner.workload) ? [label3(owner.workload)] : []);
        const data = { intents: `${intents.namespace}/${intents.name}`, client: label3(g.client), principal: g.principal, namespace: intents.namespace, account };
        const at3 = { resource: intents.resource, path: intents.client.path };
        if (account === "default") {
          context.report({ at: at3, messageId: "defaultAccount", data: { ...data, others: others.length > 0 ? ` (as ${listText(others, 3)} ${verb(others)})` : "" } });
        } else if (others.length > 0) {
          context.report({ at: at3, messageId: "sharedAccount", data: { ...data, others: listText(others, 3), verb: verb(others) } });
        }
      }
    };
  }
});

// rules/intent-unknown-target/index.ts
function workloadHint(model, t) {
  const ids = model.workloadsIn(t.namespace).map((w) => ({ w, id: otterizeIdentity(w, model.otterize.workloadNameAnnotation) }));
  const sameName = ids.find(({ id }) => id.name === t.name);
  if (sameName) return ` (${sameName.w.kind} ${sameName.w.name} has that name, but its owner kind is ${sameName.id.kind || "unset: its name comes from an annotation"}, not ${t.kind})`;
  if (model.service(t.namespace, t.name)) return ` (Service ${t.name} exists: to name it, write it as a service target)`;
  const near = closest(t.name, ids.map(({ id }) => id.name));
  return near ? ` (did you mean "${near}"?)` : "";
}
var intent_unknown_target_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A ClientIntents target names a workload or Service that is not in the input, in a namespace that is: the call it declares has no server, and the generated policy protects nothing.",
      url: docsUrl("intent-unknown-target"),
      recommended: true,
      tags: ["otterize", "authorization"]
    },
    messages: {
      unknownWorkload: `ClientIntents "{{intents}}" declares a call to {{kind}}"{{name}}" in namespace {{namespace}}, but no workload of the input has that Otterize identity{{hint}}: the policy the operator generates selects no pod, and the call has no server. Name the workload as the operator does (its top owner's name, or its intents.otterize.com/workload-name annotation).`,
      unknownService: 'ClientIntents "{{intents}}" declares a call to Service "{{name}}" in namespace {{namespace}}, which is not in the input{{hint}}: the operator generates no policy for it, and the call has no server. Name an existing Service.'
    },
    schema: [],
    defaultSeverity: "warn",
    reads: reads(READS.intents, READS.services, READS.workloads)
  },
  create(context) {
    const model = context.model;
    const servers = new Map(model.intentOutcomes.map((o) => [o.target, o.servers]));
    const check3 = (intents, t) => {
      const data = { intents: `${intents.namespace}/${intents.name}`, name: t.name, namespace: t.namespace };
      const at3 = { resource: intents.resource, path: t.namePath };
      if (t.type === "service") {
        if (isKubernetesApiServer(t) || !model.hasNamespace(t.namespace) || model.service(t.namespace, t.name)) return;
        const near = closest(t.name, model.services.filter((s) => s.namespace === t.namespace).map((s) => s.name));
        context.report({ at: at3, messageId: "unknownService", data: { ...data, hint: near ? ` (did you mean "${near}"?)` : "" } });
        return;
      }
      if (t.type !== "kubernetes" || !model.knowsWorkloadsOf(t.namespace)) return;
      if ((servers.get(t)?.length ?? 0) > 0) return;
      context.report({ at: at3, messageId: "unknownWorkload", data: { ...data, kind: t.kind === LEGACY_KIND ? "" : `${t.kind} `, hint: workloadHint(model, t) } });
    };
    return {
      ClientIntents(intents) {
        for (const t of intents.targets) check3(intents, t);
      }
    };
  }
});

// src/model/annotation-values.ts
function invalidAnnotationValue(name, value) {
  return VALIDATORS[name]?.(value);
}
function parseUint(s, max) {
  if (!/^[0-9]+$/.test(s)) return void 0;
  const n = Number(s);
  return n <= max ? n : void 0;
}
function port(s) {
  if (s.trim() === "") return "a port in the list is empty";
  return parseUint(s.trim(), 65535) === void 0 ? `"${s}" is not a port number (0-65535)` : void 0;
}
function portList(value) {
  const trimmed = value.trim();
  if (trimmed === "") return void 0;
  for (const p of trimmed.split(",")) {
    const problem = port(p);
    if (problem) return problem;
  }
  return void 0;
}
var IPV4 = /^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$/;
function isPrefix(s) {
  const slash = s.indexOf("/");
  if (slash < 0) return false;
  const addr = s.slice(0, slash);
  const bits = s.slice(slash + 1);
  if (!/^(0|[1-9][0-9]*)$/.test(bits)) return false;
  if (IPV4.test(addr)) return Number(bits) <= 32;
  if (addr.includes("%") || !addr.includes(":") || !/^[0-9a-fA-F:.]+$/.test(addr)) return false;
  try {
    new URL(`http://[${addr}]/`);
  } catch {
    return false;
  }
  return Number(bits) <= 128;
}
function cidrList(value) {
  if (value === "") return void 0;
  const bad = value.split(",").find((c) => !isPrefix(c));
  return bad === void 0 ? void 0 : `"${bad}" is not a CIDR (address/prefix length)`;
}
function interfaceNames(value) {
  if (value === "") return void 0;
  for (const raw of value.split(",")) {
    const name = raw.trim();
    if (name === "") return "an interface name is empty";
    if (name.length > 15) return `interface name "${name}" is longer than 15 characters`;
    if (!/^[a-zA-Z][a-zA-Z0-9_.-]*$/.test(name)) return `interface name "${name}" contains invalid characters`;
  }
  return void 0;
}
var GO_BOOLS = /* @__PURE__ */ new Set(["1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False"]);
var QUANTITY = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/;
var uint32 = (v) => parseUint(v, 4294967295) === void 0 ? `"${v}" is not a non-negative whole number` : void 0;
var quantity = (v) => QUANTITY.test(v) ? void 0 : `"${v}" is not a Kubernetes quantity (e.g. 100m, 128Mi)`;
var VALIDATORS = {
  "sidecar.istio.io/interceptionMode": (v) => ["REDIRECT", "TPROXY", "NONE"].includes(v) ? void 0 : `"${v}" is not REDIRECT, TPROXY or NONE`,
  "status.sidecar.istio.io/port": port,
  "readiness.status.sidecar.istio.io/initialDelaySeconds": uint32,
  "readiness.status.sidecar.istio.io/periodSeconds": uint32,
  "readiness.status.sidecar.istio.io/failureThreshold": uint32,
  "traffic.sidecar.istio.io/includeOutboundIPRanges": (v) => v === "*" ? void 0 : cidrList(v),
  "traffic.sidecar.istio.io/excludeOutboundIPRanges": cidrList,
  "traffic.sidecar.istio.io/includeInboundPorts": (v) => v === "*" ? void 0 : portList(v),
  "traffic.sidecar.istio.io/excludeInboundPorts": portList,
  "traffic.sidecar.istio.io/excludeOutboundPorts": portList,
  "traffic.sidecar.istio.io/excludeInterfaces": interfaceNames,
  "traffic.sidecar.istio.io/kubevirtInterfaces": interfaceNames,
  "istio.io/reroute-virtual-interfaces": interfaceNames,
  "prometheus.istio.io/merge-metrics": (v) => GO_BOOLS.has(v) ? void 0 : `"${v}" is not true or false`,
  "sidecar.istio.io/proxyCPU": quantity,
  "sidecar.istio.io/proxyMemory": quantity,
  "sidecar.istio.io/proxyCPULimit": quantity,
  "sidecar.istio.io/proxyMemoryLimit": quantity
};

// src/model/istio-annotations.gen.ts
var ISTIO_ANNOTATIONS = {
  "alpha.istio.io/canonical-serviceaccounts": { featureStatus: "Alpha", deprecated: true, resources: ["Service"] },
  "alpha.istio.io/kubernetes-serviceaccounts": { featureStatus: "Alpha", deprecated: true, resources: ["Service"] },
  "ambient.istio.io/bypass-inbound-capture": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "ambient.istio.io/dns-capture": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "ambient.istio.io/redirection": { featureStatus: "Beta", deprecated: false, resources: ["Pod"] },
  "ambient.istio.io/waypoint-inbound-binding": { featureStatus: "Alpha", deprecated: false, resources: ["GatewayClass", "Gateway"] },
  "galley.istio.io/analyze-suppress": { featureStatus: "Alpha", deprecated: false, resources: ["Any"] },
  "gateway.istio.io/controller-version": { featureStatus: "Alpha", deprecated: false, resources: ["Any"] },
  "gateway.istio.io/name-override": { featureStatus: "Alpha", deprecated: false, resources: ["Gateway"] },
  "gateway.istio.io/service-account": { featureStatus: "Alpha", deprecated: false, resources: ["Gateway"] },
  "inject.istio.io/templates": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "istio.io/autoRegistrationGroup": { featureStatus: "Alpha", deprecated: false, resources: ["WorkloadEntry"] },
  "istio.io/connectedAt": { featureStatus: "Alpha", deprecated: false, resources: ["WorkloadEntry"] },
  "istio.io/disconnectedAt": { featureStatus: "Alpha", deprecated: false, resources: ["WorkloadEntry"] },
  "istio.io/dry-run": { featureStatus: "Alpha", deprecated: false, resources: ["AuthorizationPolicy"] },
  "istio.io/reroute-virtual-interfaces": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "istio.io/rev": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "istio.io/use-waypoint-canary-weight": { featureStatus: "Alpha", deprecated: false, resources: ["Service", "ServiceEntry", "Namespace"] },
  "istio.io/workloadController": { featureStatus: "Alpha", deprecated: false, resources: ["WorkloadEntry"] },
  "kubernetes.io/ingress.class": { featureStatus: "Stable", deprecated: false, resources: ["Ingress"] },
  "networking.istio.io/exportTo": { featureStatus: "Alpha", deprecated: false, resources: ["Service"] },
  "networking.istio.io/service-type": { featureStatus: "Alpha", deprecated: false, resources: ["Gateway"] },
  "networking.istio.io/traffic-distribution": { featureStatus: "Alpha", deprecated: false, resources: ["Namespace", "Service", "ServiceEntry"] },
  "prometheus.istio.io/merge-metrics": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "proxy.istio.io/config": { featureStatus: "Beta", deprecated: false, resources: ["Pod"] },
  "proxy.istio.io/overrides": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "readiness.status.sidecar.istio.io/applicationPorts": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "readiness.status.sidecar.istio.io/failureThreshold": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "readiness.status.sidecar.istio.io/initialDelaySeconds": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "readiness.status.sidecar.istio.io/periodSeconds": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/agentLogLevel": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/bootstrapOverride": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/componentLogLevel": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/discoveryAddress": { featureStatus: "Alpha", deprecated: true, resources: ["Pod"] },
  "sidecar.istio.io/extraStatTags": { featureStatus: "Alpha", deprecated: true, resources: ["Pod"] },
  "sidecar.istio.io/inject": { featureStatus: "Beta", deprecated: true, resources: ["Pod"] },
  "sidecar.istio.io/interceptionMode": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/logLevel": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/nativeSidecar": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/proxyCPU": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/proxyCPULimit": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/proxyImage": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/proxyImageType": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/proxyMemory": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/proxyMemoryLimit": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/rewriteAppHTTPProbers": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/statsCompression": { featureStatus: "Alpha", deprecated: true, resources: ["Pod"] },
  "sidecar.istio.io/statsEvictionInterval": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/statsFlushInterval": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/statsHistogramBins": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/statsHistogramBuckets": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/statsInclusionPrefixes": { featureStatus: "Alpha", deprecated: true, resources: ["Pod"] },
  "sidecar.istio.io/statsInclusionRegexps": { featureStatus: "Alpha", deprecated: true, resources: ["Pod"] },
  "sidecar.istio.io/statsInclusionSuffixes": { featureStatus: "Alpha", deprecated: true, resources: ["Pod"] },
  "sidecar.istio.io/status": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/userVolume": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/userVolumeMount": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "status.sidecar.istio.io/port": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "topology.istio.io/controlPlaneClusters": { featureStatus: "Alpha", deprecated: false, resources: ["Namespace"] },
  "traffic.istio.io/nodeSelector": { featureStatus: "Stable", deprecated: false, resources: ["Service"] },
  "traffic.sidecar.istio.io/excludeInboundPorts": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "traffic.sidecar.istio.io/excludeInterfaces": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "traffic.sidecar.istio.io/excludeOutboundIPRanges": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "traffic.sidecar.istio.io/excludeOutboundPorts": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "traffic.sidecar.istio.io/includeInboundPorts": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "traffic.sidecar.istio.io/includeOutboundIPRanges": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "traffic.sidecar.istio.io/includeOutboundPorts": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "traffic.sidecar.istio.io/kubevirtInterfaces": { featureStatus: "Alpha", deprecated: true, resources: ["Pod"] }
};

// rules/istio-annotations/index.ts
var KNOWN = Object.keys(ISTIO_ANNOTATIONS);
var INJECT = "sidecar.istio.io/inject";
var MANAGED_BY_ISTIOD = "gateway.istio.io/managed";
var SET_BY_ISTIO = /* @__PURE__ */ new Set(["sidecar.istio.io/status", "gateway.istio.io/controller-version", "istio.io/rev"]);
var SET_BY_INJECTOR = /* @__PURE__ */ new Set([
  "sidecar.istio.io/interceptionMode",
  "traffic.sidecar.istio.io/includeInboundPorts",
  "traffic.sidecar.istio.io/excludeInboundPorts",
  "traffic.sidecar.istio.io/includeOutboundIPRanges"
]);
function isIstioAnnotation(name) {
  return name === "kubernetes.io/ingress.class" || name.split("/")[0].endsWith("istio.io");
}
function hasIstioInit(raw) {
  const init = raw.spec?.initContainers;
  return Array.isArray(init) && init.some((c) => c?.name === "istio-init");
}
var istio_annotations_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "An Istio annotation that Istio does not know, that belongs on another kind of object, whose value the sidecar injector refuses, or that is deprecated (or alpha, on request).",
      url: docsUrl("istio-annotations"),
      recommended: true,
      aliases: ["IST0107", "IST0108", "IST0125", "IST0135", "IST0136"],
      tags: ["sidecar", "annotations"]
    },
    messages: {
      unknownAnnotation: `{{subject}} has annotation "{{annotation}}", which Istio does not know: nothing reads it, so it has no effect. Check its name against Istio's annotation reference, or remove it.`,
      unknownAnnotationNear: '{{subject}} has annotation "{{annotation}}", which Istio does not know: nothing reads it, so it has no effect. Did you mean "{{near}}"?',
      misplacedAnnotation: '{{subject}} has annotation "{{annotation}}", which Istio reads only on {{kinds}}: here it has no effect. {{fix}}',
      invalidAnnotation: '{{subject}} has annotation "{{annotation}}" with a value the sidecar injector refuses: {{reason}}. Injecting a sidecar into such a pod fails, and since the injection webhook fails closed, the pod is not created. Fix the value.',
      deprecatedAnnotation: '{{subject}} has annotation "{{annotation}}", which Istio has deprecated: it may stop working in a future release. {{fix}}',
      alphaAnnotation: '{{subject}} has annotation "{{annotation}}", an alpha feature of Istio: it may change or go away in a future release, and may not be suitable for production.'
    },
    schema: [
      {
        type: "object",
        properties: { alpha: { type: "boolean", description: "Also report alpha annotations (istioctl analyze leaves its AlphaAnalyzer out of the default run, as most annotations are alpha)." } },
        additionalProperties: false
      }
    ],
    defaultOptions: [{ alpha: false }],
    defaultSeverity: "warn",
    reads: []
  },
  create(context) {
    const reportAlpha = context.options[0].alpha;
    function check3(o) {
      if (o.resource.labels[MANAGED_BY_ISTIOD] !== void 0) return;
      for (const [annotation2, value] of Object.entries(o.annotations)) {
        if (!isIstioAnnotation(annotation2) || SET_BY_ISTIO.has(annotation2)) continue;
        const at3 = { resource: o.resource, path: [...o.metadata, "annotations", annotation2], part: "key" };
        const data = { subject: o.subject, annotation: annotation2 };
        const def = ISTIO_ANNOTATIONS[annotation2];
        if (!def) {
          const near = closest(annotation2, KNOWN);
          context.report(near ? { at: at3, messageId: "unknownAnnotationNear", data: { ...data, near } } : { at: at3, messageId: "unknownAnnotation", data });
          continue;
        }
        if (reportAlpha && def.featureStatus === "Alpha" && !(o.cniCapture && SET_BY_INJECTOR.has(annotation2))) {
          context.report({ at: at3, messageId: "alphaAnnotation", data });
        }
        if (def.deprecated && !(annotation2 === INJECT && o.labels[INJECT] !== void 0)) {
          const fix = annotation2 === INJECT ? `Set the pod label "${INJECT}" instead.` : "Look up what replaces it in Istio's annotation reference, or remove it.";
          context.report({ at: at3, messageId: "deprecatedAnnotation", data: { ...data, fix } });
        }
        if (def.resources.includes("Any")) continue;
        if (!def.resources.includes(o.kind)) {
          const fix = o.kind === "Deployment" && def.resources.includes("Pod") ? "Move it to the pod template (spec.template.metadata.annotations)." : `Move it to the ${listText([...def.resources])} it is meant for, or remove it.`;
          context.report({ at: at3, messageId: "misplacedAnnotation", data: { ...data, kinds: listText([...def.resources]), fix } });
          continue;
        }
        const reason2 = invalidAnnotationValue(annotation2, value);
        if (reason2) context.report({ at: at3, messageId: "invalidAnnotation", data: { ...data, reason: reason2 } });
      }
    }
    return {
      Namespace(ns) {
        if (ns.resource) check3({ resource: ns.resource, metadata: ["metadata"], kind: "Namespace", subject: `Namespace "${ns.name}"`, annotations: ns.resource.annotations, labels: ns.labels });
      },
      Service(s) {
        check3({ resource: s.resource, metadata: ["metadata"], kind: "Service", subject: `Service "${s.resource.name}"`, annotations: s.resource.annotations, labels: s.resource.labels });
      },
      Workload(w) {
        const r = w.resource;
        const subject2 = `${w.kind} "${w.name}"`;
        if (w.kind === "Pod") {
          check3({ resource: r, metadata: w.podMetadataPath, kind: "Pod", subject: subject2, annotations: w.podAnnotations, labels: w.podLabels, cniCapture: !hasIstioInit(r.raw) });
          return;
        }
        if (r.kind === "Deployment") check3({ resource: r, metadata: ["metadata"], kind: "Deployment", subject: subject2, annotations: r.annotations, labels: r.labels });
        check3({ resource: r, metadata: w.podMetadataPath, kind: "Pod", subject: `The pod template of ${subject2}`, annotations: w.podAnnotations, labels: w.podLabels });
      }
    };
  }
});

// rules/istio-gateway-servers/index.ts
var selectorText = (g) => Object.entries(g.selector).map(([k, v]) => `${k}=${v}`).sort().join(",");
function gatewayPods(model, g) {
  if (Object.keys(g.selector).length === 0) return [];
  return [...model.workloadNamespaces()].flatMap((ns) => model.selectWorkloads(ns, g.selector));
}
function reportClash2(context, c) {
  const { owner: gateway, server } = c.at;
  const others = [...c.others.values()];
  const hosts = new Set(others.flatMap((o) => [...o.hosts]));
  context.report({
    at: { resource: gateway.resource, path: [...server.path, "port", "number"] },
    messageId: c.kind,
    data: {
      name: gateway.name,
      port: server.port,
      protocol: server.protocol || "no protocol",
      others: listText(others.map((o) => `"${o.placed.owner.namespace}/${o.placed.owner.name}"${c.kind === "protocolConflict" ? ` (${o.placed.server.protocol || "no protocol"})` : ""}`), 5),
      hosts: listText([...hosts].sort()),
      selector: selectorText(gateway)
    },
    related: others.slice(0, 5).map((o) => ({
      at: { resource: o.placed.owner.resource, path: [...o.placed.server.path, "port", "number"] },
      message: `Gateway ${o.placed.owner.namespace}/${o.placed.owner.name} also listens on port ${o.placed.server.port} of the same gateway pods`
    }))
  });
}
function servicePorts(model, pods) {
  const out = /* @__PURE__ */ new Set();
  for (const w of pods) {
    for (const s of model.servicesOf(w)) {
      for (const p of s.ports) {
        if (p.protocol !== "TCP") continue;
        out.add(p.port);
        if (typeof p.targetPort === "number") out.add(p.targetPort);
        else for (const c of w.ports) if (c.name === p.targetPort) out.add(c.port);
      }
    }
  }
  return out;
}
function reportPods(context, g, pods) {
  const model = context.model;
  if (Object.keys(g.selector).length === 0) return;
  if (pods.length === 0) {
    if (model.mesh.complete) context.report({ at: { resource: g.resource, path: ["spec", "selector"], part: "key" }, messageId: "selectsNoPod", data: { name: g.name, selector: selectorText(g) } });
    return;
  }
  const ports = servicePorts(model, pods);
  if (!model.mesh.complete && !pods.some((w) => model.servicesOf(w).length > 0)) return;
  for (const s of g.servers) {
    if (ports.has(s.port)) continue;
    context.report({
      at: { resource: g.resource, path: [...s.path, "port", "number"] },
      messageId: "portNotOnService",
      data: { name: g.name, port: s.port, pods: listText(pods.map((w) => `${w.kind} ${w.namespace}/${w.name}`), 3) }
    });
  }
}
var istio_gateway_servers_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "An Istio Gateway's servers do not work as written: they clash with another Gateway's on the same proxy, select no pod, or listen on a port the gateway's Service does not expose.",
      url: docsUrl("istio-gateway-servers"),
      recommended: true,
      aliases: ["IST0101", "IST0145", "IST0162", "KIA0301", "KIA0302"],
      tags: ["correctness", "traffic"]
    },
    messages: {
      duplicateTlsHost: 'Gateway "{{name}}" serves {{hosts}} with TLS on port {{port}}, as Gateway {{others}} does on the same gateway pods ({{selector}}): istiod skips the whole server of the Gateway it merges second, all its hosts included. Serve each host once per port, or give the servers different ports or binds.',
      protocolConflict: 'Gateway "{{name}}" listens on port {{port}} with {{protocol}}, and Gateway {{others}} on the same port of the same gateway pods ({{selector}}): istiod merges plaintext servers of one port only when both speak HTTP, so it skips one of them. Use different ports, or the same HTTP protocol.',
      selectsNoPod: `Gateway "{{name}}" selects pods labelled {{selector}}, and no pod of the input has these labels: no gateway proxy takes its servers. Fix the selector to match the gateway deployment's labels.`,
      portNotOnService: `Gateway "{{name}}" listens on port {{port}}, which no Service of its gateway pods ({{pods}}) exposes as a port or target port: the proxy opens the listener, but traffic through the gateway's Service cannot reach it. Add the port to the gateway Service, or use a port it exposes.`
    },
    schema: [],
    defaultSeverity: "warn",
    reads: reads(READS.services, READS.workloads)
  },
  create(context) {
    const groups = /* @__PURE__ */ new Map();
    const podsBySelector = /* @__PURE__ */ new Map();
    const place = (key2, p) => {
      const list = groups.get(key2);
      if (list) list.push(p);
      else groups.set(key2, [p]);
    };
    return {
      IstioGateway(r) {
        const g = context.model.istioGatewayOf(r);
        if (!g) return;
        const key2 = selectorText(g);
        let pods = podsBySelector.get(key2);
        if (!pods) podsBySelector.set(key2, pods = gatewayPods(context.model, g));
        for (const server of g.servers) {
          place(`selector:${key2}`, { owner: g, server });
          for (const w of pods) place(w, { owner: g, server });
        }
        reportPods(context, g, pods);
      },
      "Mesh:exit"() {
        const clashes = /* @__PURE__ */ new Map();
        for (const group of groups.values()) serverClashes(group, clashes);
        for (const c of clashes.values()) reportClash2(context, c);
      }
    };
  }
});

// rules/jwks-fetch-unrestricted/index.ts
var FLAG = "BLOCKED_CIDRS_IN_JWKS_URIS";
function fetchesKeys(p) {
  return arr(p.spec.jwtRules).some((r) => isRecord(r) && (typeof r.jwks !== "string" || r.jwks === ""));
}
function setsFlag(w) {
  const spec = isRecord(w.resource.raw.spec) ? w.resource.raw.spec : {};
  const template = isRecord(spec.template) ? spec.template : {};
  const podSpec = isRecord(template.spec) ? template.spec : {};
  return arr(podSpec.containers).some((c) => isRecord(c) && arr(c.env).some((e) => isRecord(e) && e.name === FLAG && (typeof e.value !== "string" || e.value !== "")));
}
var jwks_fetch_unrestricted_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "RequestAuthentications make istiod fetch JWKS URLs while istiod does not set BLOCKED_CIDRS_IN_JWKS_URIS, so it fetches from private and loopback addresses.",
      url: docsUrl("jwks-fetch-unrestricted"),
      recommended: true,
      aliases: ["IST0175"],
      tags: ["security", "authentication"]
    },
    messages: {
      unrestrictedFetch: 'istiod Deployment "{{name}}" does not set BLOCKED_CIDRS_IN_JWKS_URIS, and {{count}} RequestAuthentication(s) ({{policies}}) make it fetch keys by URL: istiod fetches from any private or loopback address a jwksUri resolves to, so whoever may write a RequestAuthentication can make istiod call in-cluster endpoints. Set BLOCKED_CIDRS_IN_JWKS_URIS to the ranges istiod must not reach.'
    },
    schema: [],
    defaultSeverity: "warn",
    reads: reads(READS.requestAuthentications, READS.workloads)
  },
  create(context) {
    return {
      "Mesh:exit"() {
        const model = context.model;
        const fetching = model.requestAuthentications.filter(fetchesKeys);
        if (fetching.length === 0) return;
        const names3 = fetching.map((p) => `${p.namespace}/${p.name}`);
        const shown = names3.length > 5 ? `${names3.slice(0, 5).join(", ")} and ${names3.length - 5} more` : listText(names3);
        for (const w of model.workloads) {
          if (w.kind !== "Deployment" || w.resource.labels.app !== "istiod" && w.podLabels.app !== "istiod" || setsFlag(w)) continue;
          context.report({
            at: { resource: w.resource, path: ["metadata", "name"] },
            messageId: "unrestrictedFetch",
            data: { name: w.name, count: fetching.length, policies: shown },
            related: [{ at: { resource: fetching[0].resource, path: ["spec", "jwtRules"] }, message: `RequestAuthentication ${names3[0]} fetches its keys` }]
          });
        }
      }
    };
  }
});

// rules/jwt-claim-routing/index.ts
var CLAIM = "@request.auth.claims";
function claimMatch(vs) {
  const spec = isRecord(vs.resource.raw.spec) ? vs.resource.raw.spec : {};
  let found;
  arr(spec.http).forEach((rule, i) => {
    if (found || !isRecord(rule)) return;
    arr(rule.match).forEach((m, j) => {
      if (found || !isRecord(m)) return;
      for (const field of ["headers", "withoutHeaders"]) {
        const headers = m[field];
        if (!isRecord(headers)) continue;
        const key2 = Object.keys(headers).find((k) => k.toLowerCase().startsWith(`${CLAIM}.`) || k.toLowerCase().startsWith(`${CLAIM}[`));
        if (key2) {
          found = { key: key2, path: ["spec", "http", i, "match", j, field, key2], without: field === "withoutHeaders" };
          return;
        }
      }
    });
  });
  return found;
}
function requestAuthenticationsFor(context, w) {
  const model = context.model;
  const namespaces = w.namespace === model.rootNamespace ? [w.namespace] : [w.namespace, model.rootNamespace];
  return namespaces.flatMap(
    (ns) => model.policiesIn("RequestAuthentication", ns).filter((p) => p.targetRefs.length === 0 && (!p.selector || matchesLabels(p.selector, w.podLabels)))
  );
}
var jwt_claim_routing_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A VirtualService routes on a JWT claim at a gateway whose pods no RequestAuthentication applies to, so the claim is never set.",
      url: docsUrl("jwt-claim-routing"),
      recommended: true,
      aliases: ["IST0149"],
      tags: ["authentication", "traffic"]
    },
    messages: {
      noRequestAuthentication: 'VirtualService "{{name}}" matches on JWT claim "{{claim}}" at gateway {{gateway}}, but no RequestAuthentication applies to its pods ({{pods}}): no token is validated there, so the claim is never set and this match {{consequence}}. Add a RequestAuthentication that selects the gateway pods.'
    },
    schema: [],
    defaultSeverity: "error",
    reads: reads(READS.requestAuthentications, READS.istioGateways, READS.workloads)
  },
  create(context) {
    return {
      VirtualService(r) {
        const model = context.model;
        const vs = model.virtualServiceOf(r);
        if (!vs) return;
        const match = claimMatch(vs);
        if (!match) return;
        for (const g of vs.gateways) {
          if (g.name === "mesh") continue;
          const slash = g.name.indexOf("/");
          const [ns, name] = slash >= 0 ? [g.name.slice(0, slash), g.name.slice(slash + 1)] : [vs.namespace, g.name];
          const gw = model.istioGateway(ns, name);
          if (!gw || Object.keys(gw.selector).length === 0) continue;
          const pods = [];
          for (const podNs of model.workloadNamespaces()) pods.push(...model.selectWorkloads(podNs, gw.selector));
          const unauthenticated = pods.filter((w) => (model.mesh.complete || model.hasNamespace(w.namespace) && model.hasNamespace(model.rootNamespace)) && requestAuthenticationsFor(context, w).length === 0);
          if (unauthenticated.length === 0) continue;
          context.report({
            at: { resource: vs.resource, path: match.path, part: "key" },
            messageId: "noRequestAuthentication",
            data: {
              name: vs.name,
              claim: match.key,
              gateway: `${ns}/${name}`,
              pods: listText(unauthenticated.slice(0, 3).map((w) => `${w.kind} ${w.namespace}/${w.name}`)) + (unauthenticated.length > 3 ? ` and ${unauthenticated.length - 3} more` : ""),
              consequence: match.without ? "in withoutHeaders always matches" : "never matches"
            }
          });
        }
      }
    };
  }
});

// src/authz/fields.ts
function whenKeyMatches(key2, keys) {
  return keys.some((k) => k.endsWith("[") ? key2.startsWith(k) : key2 === k);
}
function stringEntries(v, base) {
  const out = [];
  arr(v).forEach((x, i) => {
    const s = str(x);
    if (s !== void 0) out.push({ value: s, path: [...base, i] });
  });
  return out;
}
function sourceFieldUses(p, spec, splitConditions = false) {
  const out = [];
  (p.rules ?? []).forEach((rule, ruleIndex) => {
    if (!isRecord(rule)) return;
    const base = ["spec", "rules", ruleIndex];
    const froms = arr(rule.from);
    froms.forEach((from, fromIndex) => {
      const src = isRecord(from) && isRecord(from.source) ? from.source : void 0;
      if (!src) return;
      for (const [field, negative] of spec.source) {
        const path = [...base, "from", fromIndex, "source", field];
        const values = stringEntries(src[field], path);
        if (values.length === 0) continue;
        out.push({ ruleIndex, field, fromIndex, fromCount: froms.length, negative, values, at: { path, part: "key" } });
      }
    });
    arr(rule.when).forEach((when, whenIndex) => {
      if (!isRecord(when) || typeof when.key !== "string" || !whenKeyMatches(when.key, spec.when)) return;
      const wbase = [...base, "when", whenIndex];
      const values = stringEntries(when.values, [...wbase, "values"]);
      const notValues = stringEntries(when.notValues, [...wbase, "notValues"]);
      if (values.length === 0 && notValues.length === 0) return;
      if (splitConditions) {
        for (const [list, negative2, key2] of [[values, false, "values"], [notValues, true, "notValues"]]) {
          if (list.length === 0) continue;
          out.push({ ruleIndex, field: when.key, whenIndex, fromCount: froms.length, negative: negative2, values: list, at: { path: [...wbase, key2], part: "key" } });
        }
        return;
      }
      const negative = values.length === 0;
      out.push({
        ruleIndex,
        field: when.key,
        whenIndex,
        fromCount: froms.length,
        negative,
        values: negative ? notValues : values,
        at: { path: [...wbase, "key"], part: "value" }
      });
    });
  });
  return out;
}
function fieldLabel(use) {
  return use.whenIndex === void 0 ? `"${use.field}"` : `the "${use.field}" condition`;
}
function noCallerConsequence(p, use, detail = false) {
  if (use.negative) return p.action === "DENY" ? "it spares no caller from this DENY rule" : "it excludes no caller";
  switch (p.action) {
    case "DENY":
      return detail ? "it denies no caller: the traffic it should block gets through" : "it denies no caller";
    case "AUDIT":
      return "it audits no caller";
    case "CUSTOM":
      return "it sends no caller to the external authorizer";
    default:
      return detail ? "it admits no caller: its intended callers are refused unless another rule admits them" : "it admits no caller";
  }
}

// rules/jwt-without-requestauthentication/index.ts
var FIELDS = {
  source: [
    ["requestPrincipals", false],
    ["notRequestPrincipals", true]
  ],
  when: ["request.auth.principal", "request.auth.audiences", "request.auth.presenter", "request.auth.claims["]
};
var GATEWAY_GROUP = "gateway.networking.k8s.io";
var WAYPOINT_CLASS = "istio-waypoint";
function subset(selector, labels) {
  if (!selector) return true;
  for (const k in selector) if (labels[k] !== selector[k]) return false;
  return true;
}
function workloadLabel(w) {
  return `${w.kind} ${w.namespace}/${w.name}`;
}
function describe2(names3) {
  return names3.length > 3 ? `${names3.slice(0, 3).join(", ")} and ${names3.length - 3} more` : names3.join(", ");
}
function issuersOf(ra) {
  const out = [];
  for (const rule of arr(ra.spec.jwtRules)) {
    const iss = isRecord(rule) ? str(rule.issuer) : void 0;
    if (!iss) return void 0;
    out.push(iss);
  }
  return out;
}
function hasJwtRules(ra) {
  return arr(ra.spec.jwtRules).length > 0;
}
function refKey(ns, kind, name) {
  return `${ns}\0${kind}\0${name}`;
}
function refKind(ref) {
  const group = ref.group === "core" ? "" : ref.group;
  if (ref.kind === "Service" && group === "") return "Service";
  if (ref.kind === "Gateway" && group === GATEWAY_GROUP) return "Gateway";
  if (ref.kind === "GatewayClass" && group === GATEWAY_GROUP) return "GatewayClass";
  if (ref.kind === "ServiceEntry" && group === "networking.istio.io") return "ServiceEntry";
  return void 0;
}
var Finder = class {
  constructor(model) {
    this.model = model;
    for (const ra of model.requestAuthentications) {
      if (!hasJwtRules(ra)) continue;
      for (const ref of ra.targetRefs) {
        const kind = refKind(ref);
        if (!kind) continue;
        if (ref.namespace && ref.namespace !== ra.namespace) continue;
        const key2 = refKey(ra.namespace, kind, ref.name);
        this.byTarget.set(key2, [...this.byTarget.get(key2) ?? [], ra]);
        if (kind === "Service") this.serviceAttached.push({ ra, ns: ra.namespace, name: ref.name });
      }
    }
  }
  model;
  /** RequestAuthentications with rules, by the `targetRefs` they attach to. */
  byTarget = /* @__PURE__ */ new Map();
  /** Service-attached RequestAuthentications, for waypoints that serve those Services. */
  serviceAttached = [];
  attached(ns, kind, name) {
    return this.byTarget.get(refKey(ns, kind, name)) ?? [];
  }
  selectingCache = /* @__PURE__ */ new Map();
  /** Selector and namespace-wide RequestAuthentications of a workload (authentication.go, getConfigsForWorkload), once per workload. */
  selecting(w) {
    const cached = this.selectingCache.get(w);
    if (cached) return cached;
    const out = [];
    this.selectingCache.set(w, out);
    const consider2 = (ns) => {
      for (const ra of this.model.policiesIn("RequestAuthentication", ns)) {
        if (ra.targetRefs.length === 0 && hasJwtRules(ra) && subset(ra.selector, w.podLabels)) out.push(ra);
      }
    };
    consider2(w.namespace);
    if (w.namespace !== this.model.rootNamespace) consider2(this.model.rootNamespace);
    const gatewayName = w.podLabels["gateway.networking.k8s.io/gateway-name"];
    if (gatewayName) out.push(...this.attached(w.namespace, "Gateway", gatewayName));
    return out;
  }
  /**
   * Where Envoy evaluates a selector (or namespace-wide) policy: its workloads that have a sidecar,
   * and Istio gateways. Ambient workloads without a waypoint are ztunnel's (see ztunnel-l7-policy);
   * workloads without a proxy enforce nothing.
   */
  selectorPoints(p) {
    const out = [];
    for (const w of this.model.policyWorkloads(p)) {
      if (w.dataplane.mode !== "sidecar" && !isIstioGatewayWorkload(w)) continue;
      out.push({ name: workloadLabel(w), requestAuthentications: this.selecting(w), dataplane: w.dataplane });
    }
    return out;
  }
  /**
   * Where a `targetRefs` policy is enforced, when the input says: the waypoint of a Service, or a
   * Gateway. A RequestAuthentication reaches it when attached to the same Service, to that
   * waypoint or Gateway, to the `istio-waypoint` GatewayClass from the root namespace, or — for a
   * waypoint — to any Service it serves; and, for a Gateway that is not a waypoint, by selector.
   */
  targetPoints(p) {
    const out = [];
    const root = this.model.rootNamespace;
    for (const ref of p.targetRefs) {
      const kind = refKind(ref);
      if (ref.namespace && ref.namespace !== p.namespace) continue;
      if (kind === "Service") {
        const svc = this.model.service(p.namespace, ref.name);
        const wp = svc ? this.model.waypointOfService(svc) : void 0;
        if (!svc || !wp) continue;
        const ras = [...this.attached(p.namespace, "Service", ref.name), ...this.attached(wp.namespace, "Gateway", wp.name)];
        if (wp.gateway?.isWaypoint !== false) ras.push(...this.attached(root, "GatewayClass", WAYPOINT_CLASS));
        out.push({ name: `Service ${p.namespace}/${ref.name} (waypoint ${wp.namespace}/${wp.name})`, requestAuthentications: ras });
      } else if (kind === "Gateway") {
        const gw = this.model.gateway(p.namespace, ref.name);
        if (!gw) continue;
        const ras = [...this.attached(gw.namespace, "Gateway", gw.name)];
        if (gw.isWaypoint) {
          ras.push(...this.attached(root, "GatewayClass", WAYPOINT_CLASS));
          for (const s of this.serviceAttached) {
            const svc = this.model.service(s.ns, s.name);
            const wp = svc ? this.model.waypointOfService(svc) : void 0;
            if (wp && wp.namespace === gw.namespace && wp.name === gw.name) ras.push(s.ra);
          }
        } else {
          const labels = { "gateway.networking.k8s.io/gateway-name": gw.name };
          for (const ns of /* @__PURE__ */ new Set([gw.namespace, root])) {
            for (const ra of this.model.policiesIn("RequestAuthentication", ns)) {
              if (ra.targetRefs.length === 0 && hasJwtRules(ra) && subset(ra.selector, labels)) ras.push(ra);
            }
          }
        }
        out.push({ name: `${gw.isWaypoint ? "waypoint" : "Gateway"} ${gw.namespace}/${gw.name}`, requestAuthentications: ras });
      }
    }
    return out;
  }
};
function consequence(p, use) {
  if (use.negative) {
    switch (p.action) {
      case "DENY":
        return "it matches every request, so this rule denies all that meet its other conditions, even with a valid token";
      case "AUDIT":
        return "it matches every request, so this rule audits all that meet its other conditions";
      case "CUSTOM":
        return "it matches every request, so this rule sends all that meet its other conditions to the external authorizer";
      default:
        return "it matches every request, so this rule admits them without any token";
    }
  }
  switch (p.action) {
    case "DENY":
      return "it never matches, so the requests this rule should block get through";
    case "AUDIT":
      return "it never matches, so this rule audits nothing";
    case "CUSTOM":
      return "it never matches, so this rule sends nothing to the external authorizer";
    default:
      return "it never matches, so requests get 403, token or not, unless another rule admits them";
  }
}
function issuerPattern(value) {
  const idx = value.lastIndexOf("/");
  const found = idx >= 0;
  const iss = found ? value.slice(0, idx) : value;
  if (value === "*") return { kind: "any", issuer: "" };
  if (value.startsWith("*")) {
    if (!found || iss === "*") return { kind: "any", issuer: "" };
    return { kind: "suffix", issuer: iss.slice(1) };
  }
  if (value.endsWith("*")) return found ? { kind: "exact", issuer: iss } : { kind: "prefix", issuer: value.slice(0, -1) };
  return found ? { kind: "exact", issuer: iss } : "no-subject";
}
function issuerMatches(p, issuer) {
  if (p.kind === "any") return true;
  if (p.kind === "suffix") return issuer.endsWith(p.issuer);
  if (p.kind === "prefix") return issuer.startsWith(p.issuer);
  return issuer === p.issuer;
}
function suggestedIssuer(uses) {
  for (const use of uses) {
    if (use.field !== "requestPrincipals" && use.field !== "request.auth.principal") continue;
    for (const v of use.values) {
      const ip = issuerPattern(v.value);
      if (ip !== "no-subject" && ip.kind === "exact" && ip.issuer) return ip.issuer;
    }
  }
  return void 0;
}
function requestAuthenticationYaml(p, issuer) {
  const lines = [
    "apiVersion: security.istio.io/v1",
    "kind: RequestAuthentication",
    "metadata:",
    `  name: ${p.name}-jwt`,
    `  namespace: ${p.namespace}`,
    "spec:"
  ];
  if (p.targetRefs.length > 0) {
    lines.push("  targetRefs:");
    for (const r of p.targetRefs) lines.push(`  - kind: ${r.kind}`, `    group: ${JSON.stringify(r.group)}`, `    name: ${r.name}`);
  } else if (p.selector && Object.keys(p.selector).length > 0) {
    lines.push("  selector:", "    matchLabels:");
    for (const [k, v] of Object.entries(p.selector)) lines.push(`      ${k}: ${JSON.stringify(v)}`);
  }
  const iss = issuer ?? "https://issuer.example.com";
  const base = /^https?:\/\//.test(iss) ? iss.replace(/\/$/, "") : "https://issuer.example.com";
  lines.push("  jwtRules:", `  - issuer: ${JSON.stringify(iss)}`, `    jwksUri: ${JSON.stringify(`${base}/.well-known/jwks.json`)}`, "");
  return lines.join("\n");
}
var MESSAGES = {
  noRequestAuthentication: 'AuthorizationPolicy "{{name}}" uses {{field}}, which needs a validated JWT, but no RequestAuthentication applies to {{target}}: {{consequence}}. Add a RequestAuthentication for {{them}}.',
  // The root namespace is not in the input: a mesh-wide RequestAuthentication may exist outside it.
  noRequestAuthenticationInInput: 'AuthorizationPolicy "{{name}}" uses {{field}}, which needs a validated JWT, but no RequestAuthentication in the input applies to {{target}}: {{consequence}}. Add a RequestAuthentication for {{them}}.',
  noSubject: 'AuthorizationPolicy "{{name}}": request principal "{{value}}" never matches: a request principal is "<issuer>/<subject>" and it has no "/", so it needs a token with an empty subject, which no token has. In {{field}} {{effect}}. Use "{{fixed}}".',
  issuerNotAccepted: 'AuthorizationPolicy "{{name}}": request principal "{{value}}" never matches: the RequestAuthentications here accept only {{issuers}}. In {{field}} {{effect}}. Name an issuer they accept, or add a RequestAuthentication for it.',
  // The value is an accepted issuer itself (one that ends in "*"): it lacks the subject.
  issuerNotAcceptedUse: 'AuthorizationPolicy "{{name}}": request principal "{{value}}" never matches: the RequestAuthentications here accept only {{issuers}}. In {{field}} {{effect}}. Use "{{fixed}}".',
  // An exact value is split at its last "/": a URL issuer without a subject loses its path.
  splitIssuerNotAccepted: 'AuthorizationPolicy "{{name}}": request principal "{{value}}" never matches: it is read as issuer "{{issuer}}", subject "{{subject}}" (split at the last "/"), and the RequestAuthentications here accept only {{issuers}}. In {{field}} {{effect}}. Name an issuer they accept, or add a RequestAuthentication for it.',
  splitIssuerNotAcceptedUse: 'AuthorizationPolicy "{{name}}": request principal "{{value}}" never matches: it is read as issuer "{{issuer}}", subject "{{subject}}" (split at the last "/"), and the RequestAuthentications here accept only {{issuers}}. In {{field}} {{effect}}. Use "{{fixed}}".'
};
function checkIssuers(context, p, uses, points) {
  const issuers = /* @__PURE__ */ new Set();
  let allKnown = true;
  for (const pt of points) {
    for (const ra of pt.requestAuthentications) {
      const list = issuersOf(ra);
      if (!list) allKnown = false;
      for (const i of list ?? []) issuers.add(i);
    }
  }
  const known2 = [...issuers].sort();
  for (const use of uses) {
    if (!["requestPrincipals", "notRequestPrincipals", "request.auth.principal"].includes(use.field)) continue;
    for (const entry of use.values) {
      const ip = issuerPattern(entry.value);
      if (ip !== "no-subject" && (!allKnown || known2.some((i) => issuerMatches(ip, i)))) continue;
      const fixed = ip === "no-subject" || known2.includes(entry.value) ? `${entry.value}/*` : void 0;
      const data = {
        name: p.name,
        value: entry.value,
        field: fieldLabel(use),
        effect: use.negative ? "it excludes no request" : p.action === "DENY" ? "it denies no request" : p.action === "ALLOW" ? "it admits no request" : "it matches no request",
        issuers: `issuer${known2.length > 1 ? "s" : ""} ${describe2(known2.map((i) => `"${i}"`))}`,
        fixed
      };
      let messageId;
      if (ip === "no-subject") {
        messageId = "noSubject";
      } else {
        const cut = entry.value.lastIndexOf("/");
        const split = ip.kind === "exact" && cut >= 0 && !entry.value.includes("*");
        if (split) Object.assign(data, { issuer: entry.value.slice(0, cut), subject: entry.value.slice(cut + 1) });
        messageId = split ? fixed ? "splitIssuerNotAcceptedUse" : "splitIssuerNotAccepted" : fixed ? "issuerNotAcceptedUse" : "issuerNotAccepted";
      }
      context.report({
        at: { resource: p.resource, path: entry.path },
        messageId,
        data,
        suggest: fixed ? [{ desc: `Match every subject of issuer "${entry.value}"`, fix: `${use.whenIndex === void 0 ? use.field : use.negative ? "notValues" : "values"}: [${JSON.stringify(fixed)}]
` }] : void 0
      });
    }
  }
}
var jwt_without_requestauthentication_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "An AuthorizationPolicy uses requestPrincipals or request.auth.* on workloads that no RequestAuthentication reaches, so the JWT attributes are never set.",
      url: docsUrl("jwt-without-requestauthentication"),
      recommended: true,
      tags: ["security", "authorization", "authentication", "jwt"]
    },
    messages: MESSAGES,
    schema: ignoreNamespacesSchema("AuthorizationPolicies in these namespaces are not checked."),
    defaultOptions: [{ ignoreNamespaces: [] }],
    hasSuggestions: true,
    defaultSeverity: "error",
    reads: reads(READS.requestAuthentications, READS.workloads, READS.gateways, READS.services, READS.waypoints)
  },
  create(context) {
    const model = context.model;
    const ignored2 = new Set(context.options[0]?.ignoreNamespaces ?? []);
    const finder = new Finder(model);
    const rootKnown = model.hasNamespace(model.rootNamespace);
    return {
      AuthorizationPolicy(p) {
        if (p.dryRun || ignored2.has(p.namespace)) return;
        const uses = sourceFieldUses(p, FIELDS);
        if (uses.length === 0) return;
        const points = p.targetRefs.length > 0 ? finder.targetPoints(p) : finder.selectorPoints(p);
        if (points.length === 0) return;
        const missing = points.filter((pt) => pt.requestAuthentications.length === 0);
        const uncovered = missing.map((pt) => pt.name);
        if (uncovered.length === 0) {
          checkIssuers(context, p, uses, points);
          return;
        }
        const assumed = missing.every((pt) => pt.dataplane?.assumption !== void 0);
        const target = describe2(uncovered);
        const fix = requestAuthenticationYaml(p, suggestedIssuer(uses));
        for (const use of uses) {
          context.report({
            at: { resource: p.resource, path: use.at.path, part: use.at.part },
            severity: rootKnown && !assumed ? void 0 : "warn",
            messageId: rootKnown ? "noRequestAuthentication" : "noRequestAuthenticationInInput",
            data: { name: p.name, field: fieldLabel(use), target, consequence: consequence(p, use), them: uncovered.length > 1 ? "them" : "it" },
            assumptions: model.assumptionsOf(missing.map((pt) => pt.dataplane)),
            suggest: [{ desc: `Add a RequestAuthentication beside AuthorizationPolicy "${p.name}" (set the issuer and JWKS of your identity provider)`, fix }]
          });
        }
      }
    };
  }
});

// rules/knative-system-access/index.ts
var import_yaml = __toESM(require_dist(), 1);

// src/authz/witness.ts
var PRINCIPAL_RE = /^[^/*]+\/ns\/[^/*]+\/sa\/[^/*]+$/;
function strings2(v) {
  return arr(v).filter((x) => typeof x === "string" && x !== "");
}
function sampleOf(pattern2, filler = "x") {
  if (pattern2 === "*") return filler;
  if (pattern2.startsWith("*")) return filler + pattern2.slice(1);
  if (pattern2.endsWith("*")) return pattern2.slice(0, -1) + filler;
  return pattern2;
}
function sampleNamespace(pattern2, policyNamespace) {
  return pattern2 === "*" ? policyNamespace : sampleOf(pattern2);
}
function samplePrincipal(pattern2, trustDomain, namespace) {
  const candidates = [
    pattern2,
    `${trustDomain}/ns/${namespace}/sa/default`,
    pattern2.endsWith("*") ? `${pattern2.slice(0, -1)}default` : "",
    pattern2.endsWith("*") ? `${pattern2.slice(0, -1)}sa/default` : "",
    pattern2.endsWith("*") ? `${pattern2.slice(0, -1)}x/sa/default` : "",
    pattern2.startsWith("*") ? `${trustDomain}${pattern2.slice(1)}` : "",
    pattern2.startsWith("*") ? `${trustDomain}/ns/${namespace}${pattern2.slice(1)}` : "",
    pattern2.startsWith("*") ? `${trustDomain}/ns/${namespace}/sa${pattern2.slice(1)}` : "",
    pattern2.startsWith("*") ? `${trustDomain}/ns/${namespace}/sa/x${pattern2.slice(1)}` : ""
  ];
  return candidates.find((c) => c !== "" && PRINCIPAL_RE.test(c) && matchString(pattern2, c));
}
function samplePath(pattern2) {
  const p = pattern2.replace(/\{\*\*\}/g, "x").replace(/\{\*\}/g, "x");
  const sample = p === "*" ? "/" : p.startsWith("*") ? `/x${p.slice(1)}` : p.endsWith("*") ? `${p.slice(0, -1)}x` : p;
  return matchPath(pattern2, sample) ? sample : void 0;
}
function firstIp(cidr) {
  const net = cidr.split("/")[0];
  return net && /^[0-9a-fA-F:.]+$/.test(net) ? net : void 0;
}
function sourceWitnesses(p, trustDomain, rules) {
  const out = [];
  (p.rules ?? []).forEach((rule, ri) => {
    if (rules && !rules.includes(ri)) return;
    if (!isRecord(rule)) return;
    arr(rule.from).forEach((from, fi) => {
      const s = isRecord(from) && isRecord(from.source) ? from.source : void 0;
      if (!s) return;
      const base = ["spec", "rules", ri, "from", fi, "source"];
      const ip = strings2(s.ipBlocks).map(firstIp).find((x) => x !== void 0);
      const origin = (field, i) => ({ policy: p, rule: ri, path: [...base, field, i] });
      let identities = 0;
      strings2(s.principals).forEach((v, i) => {
        const principal = samplePrincipal(v, trustDomain, p.namespace);
        if (!principal) return;
        out.push({ principal, sourceIp: ip, origin: origin("principals", i) });
        identities++;
      });
      strings2(s.serviceAccounts).forEach((v, i) => {
        const [ns, sa] = v.includes("/") ? v.split("/", 2) : [p.namespace, v];
        out.push({ principal: `${trustDomain}/ns/${ns}/sa/${sa}`, sourceIp: ip, origin: origin("serviceAccounts", i) });
        identities++;
      });
      strings2(s.namespaces).forEach((v, i) => {
        out.push({ principal: `${trustDomain}/ns/${sampleNamespace(v, p.namespace)}/sa/default`, sourceIp: ip, origin: origin("namespaces", i) });
        identities++;
      });
      if (identities === 0 && ip) out.push({ sourceIp: ip, origin: { policy: p, rule: ri, path: [...base, "ipBlocks", 0] } });
    });
    arr(rule.when).forEach((w, wi) => {
      if (!isRecord(w)) return;
      const path = (i) => ["spec", "rules", ri, "when", wi, "values", i];
      if (w.key === "source.principal") {
        strings2(w.values).forEach((v, i) => {
          const principal = samplePrincipal(v, trustDomain, p.namespace);
          if (principal) out.push({ principal, origin: { policy: p, rule: ri, path: path(i) } });
        });
      } else if (w.key === "source.namespace") {
        strings2(w.values).forEach((v, i) => out.push({ principal: `${trustDomain}/ns/${sampleNamespace(v, p.namespace)}/sa/default`, origin: { policy: p, rule: ri, path: path(i) } }));
      }
    });
  });
  return out;
}
function requestShape(rule) {
  const shape = { method: "GET", path: "/" };
  if (!isRecord(rule)) return shape;
  const to = arr(rule.to)[0];
  const op = isRecord(to) && isRecord(to.operation) ? to.operation : {};
  const method = strings2(op.methods)[0];
  if (method) shape.method = method;
  const path = strings2(op.paths).map(samplePath).find((x) => x !== void 0);
  if (path) shape.path = path;
  const host = strings2(op.hosts)[0];
  if (host) shape.host = sampleOf(host, "x").toLowerCase();
  for (const w of arr(rule.when)) {
    if (!isRecord(w) || typeof w.key !== "string") continue;
    const m = /^request\.headers\[(.+)\]$/.exec(w.key);
    const v = strings2(w.values)[0];
    if (m && v) (shape.headers ??= {})[m[1].toLowerCase()] = sampleOf(v);
  }
  return shape;
}

// rules/knative-system-access/index.ts
var QUEUE_HTTP1 = 8012;
var QUEUE_H2C = 8013;
var AUTOSCALER_METRICS = 9090;
var DEFAULTS = { systemNamespace: "knative-serving", activatorServiceAccount: "activator", autoscalerServiceAccount: "controller" };
function systemPeer(model, systemNs, app, defaultSa) {
  const found = model.workloadsIn(systemNs).find((w) => w.podLabels.app === app || w.name === app && w.kind === "Deployment");
  if (found) return { peer: { kind: "workload", workload: found }, principal: model.identityOf(found) };
  const principal = `${model.mesh.trustDomain}/ns/${systemNs}/sa/${defaultSa}`;
  return { peer: { kind: "pod", namespace: systemNs, serviceAccount: defaultSa, dataplane: model.dataplaneFor(systemNs), label: `the ${app} of namespace ${systemNs}` }, principal };
}
function sentPlaintext(d) {
  return d.trace.some((t) => t.enforcement === "mtls" && t.outcome === "plaintext");
}
function blamed(d) {
  const pd = d.policyDecision;
  if (d.decision !== "DENY" || !pd) return [];
  const by = pd.decidedBy;
  if (by && by.policy.action === "DENY" && by.rule !== void 0) {
    return [{ policy: by.policy, path: ["spec", "rules", by.rule], part: "value", denyRule: by.rule }];
  }
  const out = [];
  for (const t of pd.trace) {
    const p = t.policy;
    if (p.action !== "ALLOW" || p.dryRun || isImplicitWaypointPolicy(p) || out.some((o) => o.policy === p)) continue;
    if (t.outcome !== "no-match" && t.outcome !== "skipped") continue;
    out.push({ policy: p, path: p.rules ? ["spec", "rules"] : ["spec"], part: "key", droppedAt: t.outcome === "skipped" ? pd.enforcement : void 0 });
  }
  return out;
}
function proxyFailure(model, w, activator, port2) {
  const td = model.mesh.trustDomain;
  const policies = w.dataplane.mode === "ambient" ? ztunnelPoliciesFor(model, w) : model.authorizationPoliciesFor(w);
  const candidates = [{ principal: `${td}/ns/${w.namespace}/sa/default`, shape: { method: "GET", path: "/" } }];
  for (const p of policies) {
    if (p.action !== "ALLOW" || p.dryRun || !p.rules) continue;
    p.rules.forEach((rule, i) => {
      const shape = requestShape(rule);
      const from = isRecord(rule) ? arr(rule.from) : [];
      const sources = from.length > 0 ? sourceWitnesses(p, td, [i]) : [{ principal: `${td}/ns/${w.namespace}/sa/default` }];
      for (const s of sources) if (s.principal && !s.sourceIp) candidates.push({ principal: s.principal, shape });
    });
  }
  const seen = /* @__PURE__ */ new Set();
  for (const c of candidates.slice(0, 40)) {
    if (c.principal === activator.principal) continue;
    const key2 = JSON.stringify(c);
    if (seen.has(key2)) continue;
    seen.add(key2);
    const req = { to: { workload: w }, port: port2, ...c.shape };
    const admitted = checkAccess(model, { ...req, from: { kind: "principal", principal: c.principal } });
    if (admitted.decision !== "ALLOW") continue;
    const d = checkAccess(model, { ...req, from: activator.peer });
    if (d.decision === "DENY" && d.policyDecision) {
      const by = admitted.policyDecision?.decidedBy?.policy;
      return { kind: "proxy", port: port2, plaintext: sentPlaintext(d), witness: c, admittedBy: by && !isImplicitWaypointPolicy(by) ? by : void 0, assumptions: d.assumptions };
    }
  }
  return void 0;
}
function workloadLabel2(w) {
  const kind = w.resource.group === "serving.knative.dev" ? `Knative ${w.kind}` : w.kind;
  return `${kind} ${w.namespace}/${w.name}`;
}
function accountOf(principal) {
  const m = /^[^/]+\/ns\/([^/]+)\/sa\/([^/]+)$/.exec(principal);
  return m ? `${m[1]}/${m[2]}` : principal;
}
function requestsText(fs, activator, autoscaler) {
  const allPlain = fs.every((f) => f.plaintext);
  const byPort = /* @__PURE__ */ new Map();
  for (const f of fs) {
    const from = f.plaintext ? allPlain ? "" : ", in plaintext" : `, from ${accountOf(f.kind === "scrape" ? autoscaler : activator)}`;
    const key2 = `${f.port}${from}`;
    const e = byPort.get(key2) ?? { what: [], port: f.port, from };
    e.what.push(f.kind === "probe" ? "probes" : f.kind === "proxy" ? "forwarded requests" : "metrics scrapes");
    byPort.set(key2, e);
  }
  const parts = [...byPort.values()].map((e) => `${listText(e.what)} (port ${e.port}${e.from})`);
  return `Knative's ${listText(parts)}${allPlain ? ", sent in plaintext with no identity," : ""}`;
}
function consequence2(kind, ambient) {
  switch (kind) {
    case "probe":
      return "requests the activator holds time out";
    case "proxy":
      return ambient ? "ztunnel resets the ones it forwards" : "the ones it forwards get 403";
    case "scrape":
      return "the autoscaler gets no metrics";
  }
}
var FIX_TEXT = {
  exemptPaths: "Exempt /healthz and /metrics from its DENY rule {{rule}}, and give {{systemNamespace}} a sidecar.",
  // The system pods have sidecars that send plaintext (auto mTLS off, no DestinationRule ISTIO_MUTUAL).
  exemptPathsMtls: "Exempt /healthz and /metrics from its DENY rule {{rule}}, and make the sidecars of {{systemNamespace}} send mTLS (auto mTLS, or a DestinationRule with tls.mode ISTIO_MUTUAL).",
  allowPathsMtls: "Allow /healthz and /metrics (Knative docs), and make the sidecars of {{systemNamespace}} send mTLS (auto mTLS, or a DestinationRule with tls.mode ISTIO_MUTUAL).",
  exemptNamespace: "Exempt namespace {{systemNamespace}} from its DENY rule {{rule}}.",
  allowPaths: "Allow /healthz and /metrics (Knative docs), and give {{systemNamespace}} a sidecar.",
  enrolNamespace: "Enrol {{systemNamespace}} in the mesh, then allow that namespace.",
  allowNamespace: "Allow namespace {{systemNamespace}}."
};
function fixText(b, anyPlaintext, ambient, systemNs, systemSidecar) {
  const paths = anyPlaintext && !ambient;
  const key2 = b.denyRule !== void 0 ? paths ? systemSidecar ? "exemptPathsMtls" : "exemptPaths" : "exemptNamespace" : paths ? systemSidecar ? "allowPathsMtls" : "allowPaths" : anyPlaintext ? "enrolNamespace" : "allowNamespace";
  return interpolate(FIX_TEXT[key2], { rule: b.denyRule, systemNamespace: systemNs });
}
function fixFor3(b, anyPlaintext, ambient, systemNs) {
  const ns = b.policy.namespace;
  if (b.denyRule !== void 0) {
    const rule = b.policy.rules?.[b.denyRule];
    const changed = isRecord(rule) ? structuredClone(rule) : {};
    let desc2;
    if (anyPlaintext && !ambient) {
      const to = arr(changed.to).filter(isRecord);
      if (to.length === 0) changed.to = [{ operation: { notPaths: ["/healthz", "/metrics"] } }];
      for (const t of to) {
        const op = isRecord(t.operation) ? t.operation : t.operation = {};
        op.notPaths = [...arr(op.notPaths), "/healthz", "/metrics"];
      }
      desc2 = `Exempt Knative's probe and metrics paths from rule ${b.denyRule} of DENY policy "${b.policy.name}" (and give ${systemNs} a sidecar so the activator's forwarded requests carry its identity)`;
    } else {
      const from = arr(changed.from).filter(isRecord);
      if (from.length === 0) changed.from = [{ source: { notNamespaces: [systemNs] } }];
      for (const f of from) {
        const s = isRecord(f.source) ? f.source : f.source = {};
        s.notNamespaces = [...arr(s.notNamespaces), systemNs];
      }
      desc2 = `Exempt the ${systemNs} namespace from rule ${b.denyRule} of DENY policy "${b.policy.name}"`;
    }
    return { desc: desc2, fix: `# AuthorizationPolicy ${ns}/${b.policy.name}, spec.rules[${b.denyRule}]:
${(0, import_yaml.stringify)([changed])}` };
  }
  const byPaths = anyPlaintext && !ambient;
  const rules = byPaths ? [{ to: [{ operation: { paths: ["/metrics", "/healthz"] } }] }] : [{ from: [{ source: { namespaces: [systemNs] } }] }];
  const policy = {
    apiVersion: "security.istio.io/v1",
    kind: "AuthorizationPolicy",
    metadata: { name: byPaths ? "allowlist-by-paths" : "allow-knative-system", namespace: ns },
    spec: { action: "ALLOW", rules }
  };
  const desc = byPaths ? `Allow Knative's probe and metrics paths in namespace "${ns}", as the Knative docs do; requests forwarded by the activator also need ${systemNs} to run with a sidecar (label it istio-injection=enabled)` : anyPlaintext ? `Enrol ${systemNs} in the mesh (ztunnel cannot match paths, so the system pods must present their identity), then allow that namespace in "${ns}"` : `Allow requests from the ${systemNs} namespace in "${ns}", as the Knative docs do`;
  return { desc, fix: (0, import_yaml.stringify)(policy) };
}
function reason(b) {
  if (b.denyRule !== void 0) return "denyRuleMatches";
  if (b.droppedAt === "ztunnel") return "layer7RulesDropped";
  return b.policy.rules ? "noAllowRuleMatches" : "noRules";
}
var REFUSES = 'AuthorizationPolicy "{{name}}" refuses {{requests}} to {{pods}}:';
var THEN = "{{consequences}}. {{fix}}";
var knative_system_access_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "An AuthorizationPolicy on a Knative revision's pods refuses the activator's probes and proxied requests or the autoscaler's metrics scrape.",
      url: docsUrl("knative-system-access"),
      recommended: true,
      tags: ["security", "knative", "authorization"]
    },
    messages: {
      denyRuleMatches: `${REFUSES} its DENY rule {{rule}} matches them. ${THEN}`,
      layer7RulesDropped: `${REFUSES} ztunnel drops its layer-7 rules, and no other rule matches them. ${THEN}`,
      noAllowRuleMatches: `${REFUSES} no ALLOW rule matches them. ${THEN}`,
      noRules: `${REFUSES} it has no rules, and no other ALLOW policy matches them. ${THEN}`
    },
    schema: [
      {
        type: "object",
        properties: {
          systemNamespace: { type: "string", minLength: 1, description: "The namespace of Knative Serving's activator and autoscaler." },
          activatorServiceAccount: { type: "string", minLength: 1, description: "The activator's service account, when the input does not hold its Deployment." },
          autoscalerServiceAccount: { type: "string", minLength: 1, description: "The autoscaler's service account, when the input does not hold its Deployment." }
        },
        additionalProperties: false
      }
    ],
    defaultOptions: [DEFAULTS],
    hasSuggestions: true,
    defaultSeverity: "error",
    reads: reads(READS.access, READS.identities, READS.waypoints)
  },
  create(context) {
    const model = context.model;
    const opts = { ...DEFAULTS, ...context.options[0] };
    const systemNs = opts.systemNamespace;
    let peers;
    const blames = /* @__PURE__ */ new Map();
    const addFailure = (d, w, f) => {
      let nodes = blamed(d);
      if (f.admittedBy && nodes.every((n) => n.denyRule === void 0)) {
        const own = nodes.filter((n) => n.policy === f.admittedBy);
        if (own.length > 0) nodes = own;
      }
      for (const b of nodes) {
        const key2 = `${b.policy.namespace}/${b.policy.name}\0${b.path.join(".")}`;
        let entry = blames.get(key2);
        if (!entry) blames.set(key2, entry = { ...b, failures: /* @__PURE__ */ new Map() });
        entry.droppedAt ??= b.droppedAt;
        const list = entry.failures.get(w) ?? [];
        if (!list.some((x) => x.kind === f.kind)) list.push(f);
        entry.failures.set(w, list);
      }
    };
    return {
      Workload(w) {
        if (!w.knative || w.dataplane.mode === "none") return;
        peers ??= {
          activator: systemPeer(model, systemNs, "activator", opts.activatorServiceAccount),
          autoscaler: systemPeer(model, systemNs, "autoscaler", opts.autoscalerServiceAccount)
        };
        const { activator, autoscaler } = peers;
        const queuePort = w.ports[0]?.name === "h2c" ? QUEUE_H2C : QUEUE_HTTP1;
        const probe = checkAccess(model, {
          from: activator.peer,
          to: { workload: w },
          port: queuePort,
          method: "GET",
          path: "/healthz",
          headers: { "K-Network-Probe": "queue", "User-Agent": "Knative-Activator-Probe" }
        });
        if (probe.decision === "DENY") addFailure(probe, w, { kind: "probe", port: queuePort, plaintext: sentPlaintext(probe), assumptions: probe.assumptions });
        const proxy = proxyFailure(model, w, activator, queuePort);
        if (proxy) {
          const d = checkAccess(model, { from: activator.peer, to: { workload: w }, port: queuePort, ...proxy.witness.shape });
          addFailure(d, w, proxy);
        }
        const scrape = checkAccess(model, { from: autoscaler.peer, to: { workload: w }, port: AUTOSCALER_METRICS, method: "GET", path: "/metrics" });
        if (scrape.decision === "DENY") addFailure(scrape, w, { kind: "scrape", port: AUTOSCALER_METRICS, plaintext: sentPlaintext(scrape), assumptions: scrape.assumptions });
      },
      "Mesh:exit"() {
        if (!peers) return;
        const { activator, autoscaler } = peers;
        const order = ["probe", "proxy", "scrape"];
        for (const b of blames.values()) {
          const groups = /* @__PURE__ */ new Map();
          for (const [w, fs] of [...b.failures].sort(([a], [c]) => workloadLabel2(a).localeCompare(workloadLabel2(c)))) {
            fs.sort((x, y) => order.indexOf(x.kind) - order.indexOf(y.kind));
            const key2 = `${w.dataplane.mode}:${fs.map((f) => `${f.kind}:${f.plaintext}`).join(",")}`;
            const g = groups.get(key2);
            if (g) g.workloads.push(w);
            else groups.set(key2, { workloads: [w], failures: fs });
          }
          for (const g of groups.values()) {
            const names3 = g.workloads.slice(0, 3).map(workloadLabel2);
            const pods = `${names3.join(", ")}${g.workloads.length > 3 ? ` and ${g.workloads.length - 3} more` : ""}`;
            const anyPlaintext = g.failures.some((f) => f.plaintext);
            const ambient = g.workloads[0].dataplane.mode === "ambient";
            const effects = g.failures.map((f) => consequence2(f.kind, ambient));
            if (!g.failures.some((f) => f.kind === "probe")) for (let i = 0; i < effects.length; i++) effects[i] = effects[i].replace("the ones it forwards", "requests the activator forwards");
            const effectText = listText(effects);
            context.report({
              at: { resource: b.policy.resource, path: b.path, part: b.part },
              messageId: reason(b),
              data: {
                name: b.policy.name,
                requests: requestsText(g.failures, activator.principal, autoscaler.principal),
                pods,
                rule: b.denyRule,
                consequences: `${effectText.charAt(0).toUpperCase()}${effectText.slice(1)}`,
                fix: fixText(b, anyPlaintext, ambient, systemNs, peerMode(activator.peer) === "sidecar")
              },
              assumptions: model.assumptionsOf(g.failures.flatMap((f) => f.assumptions)),
              suggest: [() => fixFor3(b, anyPlaintext, ambient, systemNs)],
              related: witnessRelated(b, g.failures, activator.principal)
            });
          }
        }
      }
    };
  }
});
function witnessRelated(b, fs, activator) {
  const f = fs.find((x) => x.kind === "proxy" && x.witness);
  if (!f) return [];
  const w = f.witness;
  const req = `${w.shape.method ?? "GET"} ${w.shape.path ?? "/"}`;
  const p = f.admittedBy ?? b.policy;
  return [
    {
      at: { resource: p.resource, path: p.rules ? ["spec", "rules"] : ["spec"], part: "key" },
      message: `${req} on port ${f.port} is admitted from ${w.principal}, but not when the activator forwards it ${f.plaintext ? "in plaintext, with no identity" : `as ${activator}`}`
    }
  ];
}
function peerMode(peer) {
  return peer.kind === "workload" ? peer.workload.dataplane.mode : peer.kind === "pod" ? peer.dataplane.mode : void 0;
}

// rules/knative-webhook-strict-mtls/index.ts
var SYSTEM_NAMESPACE = "knative-serving";
var WEBHOOK_PORT = 8443;
var WEBHOOKS = [
  {
    // knative/serving config/core/deployments/webhook.yaml, config/core/webhooks/*.yaml
    app: "webhook",
    impact: 'Knative resources cannot be created or updated ("failed calling webhook")'
  },
  {
    // net-istio config/500-webhook-deployment.yaml, config/600-mutating-webhook.yaml
    app: "net-istio-webhook",
    impact: "no revision becomes ready"
  },
  {
    // Knative Serving releases before the DomainMapping webhook was folded into `webhook`
    // (net-istio #495 added a PeerAuthentication for it).
    app: "domainmapping-webhook",
    impact: "DomainMappings cannot be created or updated"
  }
];
function webhookPort(w) {
  const named = w.ports.find((p) => p.name === "https-webhook");
  if (named) return named.port;
  const tpl = isRecord(w.resource.raw.spec) && isRecord(w.resource.raw.spec.template) ? w.resource.raw.spec.template : {};
  const spec = isRecord(tpl.spec) ? tpl.spec : {};
  for (const c of arr(spec.containers)) {
    if (!isRecord(c)) continue;
    for (const e of arr(c.env)) {
      if (isRecord(e) && e.name === "WEBHOOK_PORT" && /^\d+$/.test(str(e.value) ?? "")) return Number(e.value);
    }
  }
  return WEBHOOK_PORT;
}
function sidecarSkipsPort(annotations, port2) {
  const list = (v) => (v ?? "").split(",").map((x) => x.trim()).filter(Boolean);
  if (list(annotations["traffic.sidecar.istio.io/excludeInboundPorts"]).includes(String(port2))) return true;
  const include = annotations["traffic.sidecar.istio.io/includeInboundPorts"];
  if (include === void 0) return false;
  const inc = list(include);
  return !inc.includes("*") && !inc.includes(String(port2));
}
function webhookOf(w, systemNamespace) {
  if (w.kind !== "Deployment" && w.kind !== "Pod") return void 0;
  const kind = WEBHOOKS.find((k) => k.app === w.podLabels.app);
  if (!kind) return void 0;
  if (w.namespace !== systemNamespace && w.podLabels["app.kubernetes.io/name"] !== "knative-serving") return void 0;
  return kind;
}
function workloadSubject(w, kind) {
  const port2 = webhookPort(w);
  if (w.dataplane.mode === "ambient") {
    return { kind, namespace: w.namespace, workload: w, port: port2, labels: w.podLabels, mode: "ambient", why: w.dataplane.reason, dataplane: w.dataplane };
  }
  if (hasSidecar(w) && !sidecarSkipsPort(w.podAnnotations, port2)) {
    return { kind, namespace: w.namespace, workload: w, port: port2, labels: w.podLabels, mode: "sidecar", why: w.dataplane.reason || "an injected sidecar", dataplane: w.dataplane };
  }
  return void 0;
}
function namespaceSubject(model, systemNamespace) {
  const ns = model.namespaces.get(systemNamespace);
  if (!ns?.resource) return void 0;
  const labels = { app: "webhook", role: "webhook" };
  const dp = model.dataplaneFor(systemNamespace);
  if (dp.mode === "none") return void 0;
  return { kind: WEBHOOKS[0], namespace: systemNamespace, port: WEBHOOK_PORT, labels, mode: dp.mode, why: dp.reason, dataplane: dp };
}
function symptom(mode, plural) {
  return mode === "sidecar" ? `${plural ? "their" : "its"} sidecar rejects the API server's calls, which carry no client certificate` : "ztunnel (ambient) refuses the API server's calls, which carry no mesh identity";
}
function fixYaml(s) {
  return [
    "apiVersion: security.istio.io/v1",
    "kind: PeerAuthentication",
    "metadata:",
    `  name: ${s.kind.app}`,
    `  namespace: ${s.namespace}`,
    "spec:",
    "  selector:",
    "    matchLabels:",
    `      app: ${s.kind.app}`,
    "  portLevelMtls:",
    `    "${s.port}":`,
    "      mode: PERMISSIVE",
    ""
  ].join("\n");
}
function misplacedPortLevel(model, s) {
  for (const pa of model.policiesIn("PeerAuthentication", s.namespace)) {
    if (!pa.selector || Object.keys(pa.selector).length === 0) continue;
    if (!Object.entries(pa.selector).every(([k, v]) => s.labels[k] === v)) continue;
    for (const [port2, mode] of pa.portLevel) if (port2 !== s.port && (mode === "PERMISSIVE" || mode === "DISABLE")) return { pa, port: port2 };
  }
  return void 0;
}
function dataplaneRelated(model, items) {
  const out = [];
  for (const s of items.slice(0, 3)) {
    const message2 = `${s.kind.app} runs ${s.mode === "sidecar" ? "with a sidecar" : "in ambient"}: ${s.why}`;
    if (s.workload) out.push({ at: { resource: s.workload.resource, path: s.workload.podMetadataPath, part: "key" }, message: message2 });
    else {
      const ns = model.namespaces.get(s.namespace)?.resource;
      if (ns) out.push({ at: { resource: ns, path: ["metadata", "labels"], part: "key" }, message: message2 });
    }
  }
  return out;
}
var DEFAULT_OPTIONS = { systemNamespace: SYSTEM_NAMESPACE };
var knative_webhook_strict_mtls_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "STRICT mTLS applies to a Knative webhook's port in a mesh: the Kubernetes API server, outside the mesh, can no longer call the admission webhook.",
      url: docsUrl("knative-webhook-strict-mtls"),
      recommended: true,
      tags: ["security", "mtls", "knative"]
    },
    messages: {
      strictWebhookPort: "PeerAuthentication {{policy}} makes port {{ports}} STRICT for the {{webhooks}} admission {{webhookNoun}} in {{namespaces}}{{absentNote}}: {{symptoms}}, so {{impacts}}. Add net-istio's PERMISSIVE exception for port {{ports}}.",
      // The user tried: an exception that names another port (often the Service's 443).
      strictWebhookPortMisplacedException: "PeerAuthentication {{policy}} makes port {{ports}} STRICT for the {{webhooks}} admission {{webhookNoun}} in {{namespaces}}{{absentNote}}: {{symptoms}}, so {{impacts}}. PeerAuthentication {{exception}} exempts port {{exceptionPort}}, not the pod's {{podPort}}. Add net-istio's PERMISSIVE exception for port {{ports}}."
    },
    schema: [
      {
        type: "object",
        properties: {
          systemNamespace: {
            type: "string",
            minLength: 1,
            description: "The namespace Knative Serving is installed in (its SYSTEM_NAMESPACE), for installs that rename `knative-serving`."
          }
        },
        additionalProperties: false
      }
    ],
    defaultOptions: [DEFAULT_OPTIONS],
    hasSuggestions: true,
    defaultSeverity: "error",
    reads: reads(READS.peerAuthentications, READS.clientViews)
  },
  create(context) {
    const model = context.model;
    const { systemNamespace } = context.options[0] ?? DEFAULT_OPTIONS;
    const subjects = [];
    const seen = /* @__PURE__ */ new Set();
    return {
      Workload(w) {
        const kind = webhookOf(w, systemNamespace);
        if (!kind) return;
        seen.add(`${w.namespace}/${kind.app}`);
        const s = workloadSubject(w, kind);
        if (s) subjects.push(s);
      },
      "Mesh:exit"() {
        if (!seen.has(`${systemNamespace}/webhook`)) {
          const s = namespaceSubject(model, systemNamespace);
          if (s) subjects.push(s);
        }
        const bySource = /* @__PURE__ */ new Map();
        for (const s of subjects) {
          const m = model.effectiveMtlsFor(s.namespace, s.labels, s.port);
          if (m.mode !== "STRICT" || !m.decidedBy) continue;
          const key2 = `${m.decidedBy.namespace}/${m.decidedBy.name}/${mtlsPath(m, s.port).join(".")}`;
          const e = bySource.get(key2);
          if (e) e.items.push(s);
          else bySource.set(key2, { m, items: [s] });
        }
        for (const { m, items } of bySource.values()) report(m, items);
      }
    };
    function report(m, items) {
      const pa = m.decidedBy;
      const namespaces = [...new Set(items.map((s) => s.namespace))];
      const names3 = quoted(items.map((s) => `${namespaces.length > 1 ? `${s.namespace}/` : ""}${s.workload ? s.workload.name : s.kind.app}`));
      const absent = quoted(items.filter((s) => !s.workload).map((s) => s.kind.app));
      const misplaced = items.flatMap((s) => {
        const x = misplacedPortLevel(model, s);
        return x ? [{ ...x, subject: s }] : [];
      });
      const suggest = items.map((s) => ({
        desc: `Accept plaintext on ${s.kind.app}'s port ${s.port} as net-istio does (config/400-webhook-peer-authentication.yaml)`,
        fix: fixYaml(s)
      }));
      const data = {
        policy: `${pa.namespace}/${pa.name}`,
        ports: listText([...new Set(items.map((s) => String(s.port)))], 4),
        webhooks: listText(names3, 4),
        webhookNoun: items.length > 1 ? "webhooks" : "webhook",
        namespaces: listText(namespaces, 4),
        absentNote: absent.length > 0 ? ` (the ${listText(absent, 4)} Deployment${absent.length > 1 ? "s are" : " is"} not in the input)` : "",
        symptoms: [...new Set(items.map((s) => s.mode))].map((mode) => symptom(mode, items.length > 1)).join("; "),
        impacts: listText([...new Set(items.map((s) => s.kind.impact))], 4)
      };
      const first = misplaced[0];
      context.report({
        at: { resource: pa.resource, path: mtlsPath(m, items[0].port) },
        ...first ? {
          messageId: "strictWebhookPortMisplacedException",
          data: { ...data, exception: `${first.pa.namespace}/${first.pa.name}`, exceptionPort: first.port, podPort: first.subject.port }
        } : { messageId: "strictWebhookPort", data },
        // Where the webhooks' data plane is only assumed, a warning.
        severity: items.every((s) => s.dataplane.assumption) ? "warn" : void 0,
        assumptions: model.assumptionsOf(items.map((s) => s.dataplane)),
        related: [
          ...dataplaneRelated(model, items),
          ...misplaced.slice(0, 2).map((x) => ({
            at: { resource: x.pa.resource, path: ["spec", "portLevelMtls", String(x.port)], part: "key" },
            message: `this exception is for port ${x.port}, but portLevelMtls names the pod's port (${x.subject.kind.app} listens on ${x.subject.port}), not the Service's`
          }))
        ],
        suggest
      });
    }
  }
});

// rules/l7-config-without-waypoint/index.ts
var USE_WAYPOINT = "istio.io/use-waypoint";
function policyFeatures(tp, out) {
  if (!isRecord(tp)) return;
  const lb = isRecord(tp.loadBalancer) ? tp.loadBalancer : {};
  const hash = isRecord(lb.consistentHash) ? lb.consistentHash : {};
  if (hash.httpHeaderName !== void 0 || hash.httpCookie !== void 0 || hash.httpQueryParameterName !== void 0) out.add("HTTP consistent hashing");
  if (isRecord(tp.connectionPool) && tp.connectionPool.http !== void 0) out.add("connectionPool.http");
  if (tp.outlierDetection !== void 0) out.add("outlierDetection");
  for (const p of arr(tp.portLevelSettings)) policyFeatures(p, out);
}
function destinationRuleFeatures(spec) {
  const out = /* @__PURE__ */ new Set();
  policyFeatures(spec.trafficPolicy, out);
  for (const s of arr(spec.subsets)) if (isRecord(s)) policyFeatures(s.trafficPolicy, out);
  return [...out];
}
function virtualServiceFeatures(vs, spec) {
  if (vs.gateways.length > 0 && !vs.gateways.some((g) => g.name === "mesh")) return [];
  return ["http", "tls", "tcp"].filter((k) => arr(spec[k]).length > 0).map((k) => `${k} routes`);
}
function ambientDestination(model, s) {
  if (!s.selector || Object.keys(s.selector).length === 0) return void 0;
  const pods = model.servicePods(s);
  if (pods.length > 0) {
    const ambient = pods.filter((w) => w.dataplane.mode === "ambient");
    return ambient.length > 0 ? { assumptions: model.assumptionsOf(ambient) } : void 0;
  }
  const dp = model.dataplaneFor(s.namespace);
  return dp.mode === "ambient" ? { assumptions: model.assumptionsOf([dp]) } : void 0;
}
function notEnrolled(model, s) {
  const own = s.resource.labels[USE_WAYPOINT];
  const nsLabels = model.namespaceLabels(s.namespace);
  const labelled = own !== void 0 ? own : nsLabels[USE_WAYPOINT];
  if (own === "none") return { messageId: "serviceNotEnrolled", why: `the Service opts out with ${USE_WAYPOINT}: none` };
  if (own === "") return { messageId: "serviceNotEnrolled", why: `the Service's ${USE_WAYPOINT} label is empty` };
  if (labelled === void 0 || labelled === "" || labelled === "none") {
    if (!model.declaresNamespace(s.namespace) && !model.mesh.complete) return void 0;
    const why2 = labelled === "none" ? `namespace ${s.namespace} opts out with ${USE_WAYPOINT}: none` : `neither the Service nor namespace ${s.namespace} carries ${USE_WAYPOINT}`;
    return { messageId: "namespaceNotEnrolled", why: why2 };
  }
  const from = own !== void 0 ? s.resource.labels : nsLabels;
  const wpNs = from["istio.io/use-waypoint-namespace"] ?? s.namespace;
  const g = model.gateway(wpNs, labelled);
  if (!g) return void 0;
  const why = g.waypointFor === "service" || g.waypointFor === "all" ? `its waypoint ${wpNs}/${labelled} does not admit namespace ${s.namespace}, by the allowedRoutes of its HBONE listener` : `its waypoint ${wpNs}/${labelled} serves ${g.waypointFor === "none" ? "no" : `only ${g.waypointFor}`} traffic, as istio.io/waypoint-for: ${g.waypointFor} says`;
  return { messageId: "serviceNotEnrolled", why };
}
function readsFrom(model, kind, s, wp) {
  const list = /* @__PURE__ */ new Set([s.namespace, wp.namespace]);
  if (kind === "DestinationRule") list.add(model.rootNamespace);
  return [...list];
}
var CONSEQUENCE = {
  VirtualService: "its routes are not applied to requests from ambient clients",
  DestinationRule: "these settings are not applied to traffic from ambient clients"
};
var l7_config_without_waypoint_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A VirtualService for mesh traffic or a DestinationRule with layer-7 settings is for an ambient Service that no waypoint serves, or sits in a namespace its waypoint does not read: ztunnel ignores it, so it has no effect on ambient clients.",
      url: docsUrl("l7-config-without-waypoint"),
      recommended: true,
      aliases: ["KIA0210", "KIA0211", "KIA0212", "KIA1109", "KIA1113", "KIA1114"],
      tags: ["ambient", "waypoint", "traffic"]
    },
    messages: {
      namespaceNotEnrolled: '{{kind}} "{{name}}" sets {{features}} for Service {{service}}, whose pods run in ambient, but no waypoint serves it ({{why}}): ztunnel applies no {{kind}}, so {{consequence}}. Label the Service or its namespace {{useWaypoint}}=<waypoint>.',
      serviceNotEnrolled: '{{kind}} "{{name}}" sets {{features}} for Service {{service}}, whose pods run in ambient, but no waypoint serves it ({{why}}): ztunnel applies no {{kind}}, so {{consequence}}. Enrol the Service in a waypoint that serves Service traffic.',
      notInServiceNamespace: '{{kind}} "{{name}}" sets {{features}} for Service {{service}}, but its {{waypoint}} reads {{kind}}s only from {{namespaces}}, and ztunnel applies none: {{consequence}}. Move it to namespace {{serviceNamespace}}.'
    },
    schema: [],
    defaultSeverity: "warn",
    reads: reads(READS.waypoints, READS.services, READS.workloads, READS.gateways)
  },
  create(context) {
    const model = context.model;
    const check3 = (r, kind, hosts, features) => {
      if (features.length === 0) return;
      const seen = /* @__PURE__ */ new Set();
      for (const { host, path } of hosts) {
        const fqdn = resolveHost(host, r.namespace);
        const ns = serviceHostNamespace(fqdn);
        const s = ns === void 0 ? void 0 : model.service(ns, fqdn.slice(0, fqdn.indexOf(".")));
        if (!s || seen.has(s)) continue;
        seen.add(s);
        const ambient = ambientDestination(model, s);
        if (!ambient) continue;
        const data = { kind, name: r.name, features: listText(features), service: `${s.namespace}/${s.name}`, consequence: CONSEQUENCE[kind], useWaypoint: USE_WAYPOINT };
        const report = { at: { resource: r, path }, assumptions: ambient.assumptions };
        const wp = model.waypointOfService(s);
        if (!wp) {
          const missing = notEnrolled(model, s);
          if (missing) context.report({ ...report, messageId: missing.messageId, data: { ...data, why: missing.why } });
          continue;
        }
        const namespaces = readsFrom(model, kind, s, wp);
        if (namespaces.includes(r.namespace)) continue;
        context.report({
          ...report,
          messageId: "notInServiceNamespace",
          data: { ...data, waypoint: `waypoint ${wp.namespace}/${wp.name}`, namespaces: `namespace${namespaces.length > 1 ? "s" : ""} ${listText(namespaces)}`, serviceNamespace: s.namespace }
        });
      }
    };
    return {
      DestinationRule(d) {
        if (d.workloadSelector) return;
        const spec = isRecord(d.resource.raw.spec) ? d.resource.raw.spec : {};
        check3(d.resource, "DestinationRule", [{ host: d.host, path: ["spec", "host"] }], destinationRuleFeatures(spec));
      },
      VirtualService(r) {
        const vs = model.virtualServiceOf(r);
        if (!vs) return;
        const spec = isRecord(r.raw.spec) ? r.raw.spec : {};
        const hosts = arr(spec.hosts).flatMap((h, i) => typeof h === "string" ? [{ host: h, path: ["spec", "hosts", i] }] : []);
        check3(r, "VirtualService", hosts, virtualServiceFeatures(vs, spec));
      }
    };
  }
});

// rules/multiple-custom-providers/index.ts
var policyKey = (p) => `${p.namespace}/${p.name}`;
function providerAt(p) {
  return { resource: p.resource, path: p.provider !== void 0 ? ["spec", "provider", "name"] : ["spec", "action"] };
}
function consider(clashes, policies, where, workload) {
  const custom = policies.filter((p) => p.action === "CUSTOM").sort((a, b) => policyKey(a) < policyKey(b) ? -1 : policyKey(a) > policyKey(b) ? 1 : 0);
  if (!conflictingCustomProviders(custom)) return;
  const first = custom[0];
  for (const p of custom) {
    if ((p.provider ?? "") === (first.provider ?? "")) continue;
    const c = clashes.get(policyKey(p)) ?? { policy: p, first, where: [], workloads: [] };
    if (!c.where.includes(where)) c.where.push(where);
    if (workload) c.workloads.push(workload);
    clashes.set(policyKey(p), c);
  }
}
var provider = (p) => p.provider !== void 0 ? `"${p.provider}"` : "(none)";
var multiple_custom_providers_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "CUSTOM policies of several providers apply to one workload while PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS is off: istiod turns their rules into DENY rules.",
      url: docsUrl("multiple-custom-providers"),
      recommended: true,
      tags: ["security", "authorization", "sidecar", "waypoint"]
    },
    messages: {
      providersClash: 'AuthorizationPolicy "{{name}}" uses CUSTOM provider {{provider}} on {{where}}, where AuthorizationPolicy "{{firstNamespace}}/{{firstName}}" already uses provider {{firstProvider}}: with PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS off, istiod turns the CUSTOM rules of both into DENY rules, so every request they match is denied and no external authorizer is called. Use one provider per workload, or set PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS=true on istiod.'
    },
    schema: [],
    hasSuggestions: true,
    defaultSeverity: "error",
    reads: reads(READS.authorizationPolicies, READS.waypoints)
  },
  create(context) {
    const model = context.model;
    if (model.mesh.multipleCustomAuthzProviders) return {};
    const customs = model.authorizationPolicies.filter((p) => p.action === "CUSTOM");
    if (new Set(customs.map((p) => p.provider ?? "")).size < 2) return {};
    const atSidecars = /* @__PURE__ */ new Map();
    const atWaypoints = /* @__PURE__ */ new Map();
    return {
      // Sidecars: the selector, namespace and root-namespace policies of each workload.
      Workload(w) {
        if (w.dataplane.mode !== "sidecar") return;
        consider(atSidecars, model.authorizationPoliciesFor(w), `${w.kind} ${w.namespace}/${w.name}`, w);
      },
      // Waypoints: the policies attached to each Service they serve.
      Service(s) {
        const wp = model.waypointOfService(s);
        if (!wp) return;
        consider(atWaypoints, waypointPolicies(model, { service: s, waypoint: wp }), `Service ${s.namespace}/${s.name} at waypoint ${wp.namespace}/${wp.name}`);
      },
      "Mesh:exit"() {
        const clashes = new Map(atSidecars);
        for (const [key2, c] of atWaypoints) {
          const s = clashes.get(key2);
          clashes.set(key2, s ? { ...s, where: [...s.where, ...c.where] } : c);
        }
        for (const c of clashes.values()) {
          context.report({
            at: providerAt(c.policy),
            messageId: "providersClash",
            data: {
              name: c.policy.name,
              provider: provider(c.policy),
              // Comma-joined, not listText's "a, b and c": the wording the fixtures hold.
              where: c.where.length > 3 ? `${c.where.slice(0, 3).join(", ")} and ${c.where.length - 3} more` : c.where.join(", "),
              firstNamespace: c.first.namespace,
              firstName: c.first.name,
              firstProvider: provider(c.first)
            },
            related: [{ at: providerAt(c.first), message: `provider ${provider(c.first)} of AuthorizationPolicy "${c.first.name}"` }],
            // Only where every place it clashes is a sidecar whose data plane is assumed.
            assumptions: c.workloads.length === c.where.length ? model.assumptionsOf(c.workloads) : void 0,
            suggest: [
              {
                desc: "Let istiod run several CUSTOM providers per workload (IstioOperator; or the istiod env, or Helm values pilot.env)",
                fix: 'spec:\n  values:\n    pilot:\n      env:\n        PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS: "true"'
              }
            ]
          });
        }
      }
    };
  }
});

// rules/negative-status-condition/index.ts
var GATEWAY_API = /* @__PURE__ */ new Set(["Accepted", "Programmed", "ResolvedRefs"]);
var NEGATIVE = {
  "/Service": /* @__PURE__ */ new Set(["istio.io/WaypointBound"]),
  "networking.istio.io/ServiceEntry": /* @__PURE__ */ new Set(["istio.io/WaypointBound"]),
  "networking.istio.io/WorkloadEntry": /* @__PURE__ */ new Set(["istio.io/WaypointBound"]),
  "security.istio.io/AuthorizationPolicy": /* @__PURE__ */ new Set(["ZtunnelAccepted", "WaypointAccepted"]),
  "gateway.networking.k8s.io/Gateway": GATEWAY_API,
  "gateway.networking.k8s.io/HTTPRoute": GATEWAY_API,
  "gateway.networking.k8s.io/GRPCRoute": GATEWAY_API,
  "gateway.networking.k8s.io/TCPRoute": GATEWAY_API,
  "gateway.networking.k8s.io/TLSRoute": GATEWAY_API
};
function conditionsOf(r) {
  const status = isRecord(r.raw.status) ? r.raw.status : void 0;
  if (!status) return [];
  const out = [];
  arr(status.conditions).forEach((c, i) => isRecord(c) && out.push({ c, path: ["status", "conditions", i] }));
  arr(status.parents).forEach((p, i) => {
    if (isRecord(p)) arr(p.conditions).forEach((c, j) => isRecord(c) && out.push({ c, path: ["status", "parents", i, "conditions", j] }));
  });
  return out;
}
function detailOf(c) {
  const parts = [str(c.reason), str(c.message)].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(": ")})` : "";
}
var negative_status_condition_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "An exported object carries a negative status condition from istiod or the Gateway API controller (not accepted, not programmed, waypoint not bound).",
      url: docsUrl("negative-status-condition"),
      recommended: true,
      aliases: ["IST0171"],
      tags: ["status"]
    },
    messages: {
      negativeCondition: '{{kind}} "{{name}}" reports {{type}}={{status}}{{detail}}: the control plane did not apply it as written when this manifest was exported. Fix what the message names, then re-export.'
    },
    schema: [],
    defaultSeverity: "warn"
  },
  create(context) {
    return {
      "Mesh:exit"() {
        for (const r of context.model.resources) {
          const types = NEGATIVE[`${r.group}/${r.kind}`];
          if (!types || r.raw.status === void 0) continue;
          for (const { c, path } of conditionsOf(r)) {
            const type = str(c.type);
            const status = str(c.status);
            if (!type || !types.has(type)) continue;
            const partial = type === "WaypointAccepted" && c.reason === "PartiallyInvalid";
            if (status !== "False" && !partial) continue;
            context.report({
              at: { resource: r, path: [...path, partial ? "reason" : "status"] },
              messageId: "negativeCondition",
              data: { kind: r.kind, name: r.name, type, status: status ?? "", detail: detailOf(c) }
            });
          }
        }
      }
    };
  }
});

// rules/policy-selects-nothing/index.ts
var RUNTIME_LABELS = /* @__PURE__ */ new Set([
  "pod-template-hash",
  "controller-revision-hash",
  "statefulset.kubernetes.io/pod-name",
  "apps.kubernetes.io/pod-index",
  "job-name",
  "controller-uid",
  "batch.kubernetes.io/job-name",
  "batch.kubernetes.io/controller-uid",
  "batch.kubernetes.io/job-completion-index",
  "security.istio.io/tlsMode",
  "service.istio.io/canonical-name",
  "service.istio.io/canonical-revision",
  "topology.istio.io/network",
  "gateway.networking.k8s.io/gateway-name",
  "gateway.networking.k8s.io/gateway-class-name",
  "gateway.istio.io/managed",
  "istio.io/gateway-name"
]);
function gatewayPodLabels(model, ns) {
  const out = [];
  for (const g of model.gateways) {
    if (g.namespace !== ns || !g.className.startsWith("istio")) continue;
    const spec = isRecord(g.resource.raw.spec) ? g.resource.raw.spec : {};
    out.push(isRecord(spec.infrastructure) ? stringMap(spec.infrastructure.labels) : {});
  }
  return out;
}
function entries(selector) {
  return Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(", ");
}
function workloadLabel3(w) {
  return `${w.kind} ${w.namespace}/${w.name}`;
}
function nearMiss(model, ns, selector) {
  const keys = Object.keys(selector);
  for (const k of keys) {
    const v = selector[k];
    const rest = {};
    for (const o of keys) if (o !== k) rest[o] = selector[o];
    if (keys.length > 1) {
      const candidates = model.selectWorkloads(ns, rest);
      if (candidates.length === 0) continue;
      const values = [...new Set(candidates.map((w2) => w2.podLabels[k]).filter((x) => x !== void 0))];
      const near2 = closest(v, values) ?? values.sort()[0];
      const w = near2 === void 0 ? candidates[0] : candidates.find((c) => c.podLabels[k] === near2);
      const fixed = { ...rest };
      if (near2 !== void 0) fixed[k] = near2;
      const but = near2 === void 0 ? `no label "${k}"` : `${k}=${near2}`;
      return { workload: w, selector: fixed, text: `${workloadLabel3(w)} has ${entries(rest)} but ${but}` };
    }
    const near = closest(v, [...model.labelValues(ns, k)]);
    if (near !== void 0) {
      const w = model.selectWorkloads(ns, { [k]: near })[0];
      return { workload: w, selector: { [k]: near }, text: `${workloadLabel3(w)} has ${k}=${near}` };
    }
    const nearKey = closest(k, [...model.labelKeys(ns)].filter((key2) => model.labelValues(ns, key2).has(v)));
    if (nearKey !== void 0) {
      const w = model.selectWorkloads(ns, { [nearKey]: v })[0];
      return { workload: w, selector: { [nearKey]: v }, text: `${workloadLabel3(w)} has ${nearKey}=${v}` };
    }
  }
  return void 0;
}
function consequence3(c) {
  switch (c.kind) {
    case "AuthorizationPolicy": {
      const action = c.policy.action;
      if (action === "DENY") return "the requests it is meant to deny are not denied anywhere";
      if (action === "CUSTOM") return "no request is sent to its external authorizer";
      if (action === "AUDIT") return "nothing is audited";
      return "the workload it was written for does not get this ALLOW list and, with no other ALLOW policy, accepts every request";
    }
    case "PeerAuthentication":
      return "its mTLS mode applies to no workload: they keep the namespace or mesh mode";
    case "RequestAuthentication":
      return "no workload validates its tokens, and AuthorizationPolicies never see a request principal from it";
    case "Sidecar":
      return "no proxy gets this configuration: they keep the namespace default Sidecar, or none";
    case "Telemetry":
      return "its telemetry settings apply to no workload";
  }
}
function selectorYaml(c, selector) {
  const [outer, inner] = c.kind === "Sidecar" ? ["workloadSelector", "labels"] : ["selector", "matchLabels"];
  const lines = ["spec:", `  ${outer}:`, `    ${inner}:`];
  for (const [k, v] of Object.entries(selector)) lines.push(`      ${k}: ${JSON.stringify(v)}`);
  return `${lines.join("\n")}
`;
}
function describe3(ws) {
  const names3 = ws.slice(0, 3).map(workloadLabel3);
  return ws.length > 3 ? `${names3.join(", ")} and ${ws.length - 3} more` : names3.join(", ");
}
var MESSAGES2 = {
  // A PeerAuthentication with a selector in the root namespace (policy_applier.go ignores it).
  rootPeerAuthenticationMove: 'PeerAuthentication "{{name}}" has a selector in the root namespace "{{namespace}}", where istiod ignores selectors: its mTLS settings apply to no workload. It selects {{workloads}}: move it to namespace "{{target}}".',
  rootPeerAuthenticationInRoot: 'PeerAuthentication "{{name}}" has a selector in the root namespace "{{namespace}}", where istiod ignores selectors: its mTLS settings apply to no workload. It selects {{workloads}}, in the root namespace, where no PeerAuthentication can select workloads: they follow the mesh-wide (selector-less) one.',
  rootPeerAuthentication: 'PeerAuthentication "{{name}}" has a selector in the root namespace "{{namespace}}", where istiod ignores selectors: its mTLS settings apply to no workload. Move it to the namespace of the workloads it is for, or drop the selector to make it the mesh-wide policy.',
  // {{consequence}}: what selecting nothing means for the kind (and action); {{nearMiss}}: the
  // workload the selector nearly matches and how it differs.
  selectsNothing: `{{kind}} "{{name}}" selects no workload: no workload in namespace "{{namespace}}" has {{labels}}. So {{consequence}}. Make the selector match the pods' labels.`,
  selectsNothingNear: `{{kind}} "{{name}}" selects no workload: no workload in namespace "{{namespace}}" has {{labels}} ({{nearMiss}}). So {{consequence}}. Make the selector match the pods' labels.`,
  selectsNothingInRoot: `{{kind}} "{{name}}" selects no workload: no workload in namespace "{{namespace}}" has {{labels}} (a {{kind}}'s selector reaches only its own namespace, even the root one). So {{consequence}}. Make the selector match the pods' labels.`,
  selectsNothingInRootNear: `{{kind}} "{{name}}" selects no workload: no workload in namespace "{{namespace}}" has {{labels}} (a {{kind}}'s selector reaches only its own namespace, even the root one) ({{nearMiss}}). So {{consequence}}. Make the selector match the pods' labels.`,
  selectsNothingMeshWide: `{{kind}} "{{name}}" selects no workload: no workload in any namespace (from the root namespace "{{namespace}}" it reaches them all) has {{labels}}. So {{consequence}}. Make the selector match the pods' labels.`,
  selectsNothingMeshWideNear: `{{kind}} "{{name}}" selects no workload: no workload in any namespace (from the root namespace "{{namespace}}" it reaches them all) has {{labels}} ({{nearMiss}}). So {{consequence}}. Make the selector match the pods' labels.`
};
function checkRootPeerAuthentication(context, c) {
  const model = context.model;
  const p = c.policy;
  const selected = model.policyWorkloads(p, true);
  const elsewhere = selected.filter((w) => w.namespace !== p.namespace);
  const target = elsewhere.length > 0 ? elsewhere.map((w) => w.namespace).sort()[0] : void 0;
  context.report({
    at: { resource: p.resource, path: c.labelsPath, part: "key" },
    messageId: target ? "rootPeerAuthenticationMove" : selected.length > 0 ? "rootPeerAuthenticationInRoot" : "rootPeerAuthentication",
    data: { name: p.name, namespace: p.namespace, workloads: describe3(target ? elsewhere : selected), target },
    suggest: target ? [{ desc: `Move PeerAuthentication "${p.name}" to namespace "${target}"`, fix: `metadata:
  name: ${p.name}
  namespace: ${target}
` }] : void 0
  });
}
function check2(context, c) {
  const model = context.model;
  const p = c.policy;
  if (p.targetRefs.length > 0 || !p.selector || Object.keys(p.selector).length === 0) return;
  if (Object.keys(p.selector).some((k) => RUNTIME_LABELS.has(k))) return;
  const isRoot = p.namespace === model.rootNamespace;
  if (c.kind === "PeerAuthentication" && isRoot) {
    checkRootPeerAuthentication(context, c);
    return;
  }
  if (!model.knowsWorkloadsOf(p.namespace)) return;
  const spans = isRoot && c.rootSpansMesh;
  if (model.policyWorkloads(p, c.rootSpansMesh).length > 0) return;
  const namespaces = spans ? [p.namespace, ...[...model.workloadNamespaces()].filter((ns) => ns !== p.namespace).sort()] : [p.namespace];
  const selector = p.selector;
  const onGateway = (ns) => gatewayPodLabels(model, ns).some((labels) => Object.entries(selector).every(([k, v]) => labels[k] === v));
  if (namespaces.some(onGateway)) return;
  let near;
  for (const ns of namespaces) if (near = nearMiss(model, ns, p.selector)) break;
  const scope = spans ? "selectsNothingMeshWide" : isRoot ? "selectsNothingInRoot" : "selectsNothing";
  context.report({
    at: { resource: p.resource, path: c.labelsPath, part: "key" },
    messageId: near ? `${scope}Near` : scope,
    data: { kind: c.kind, name: p.name, namespace: p.namespace, labels: entries(p.selector), nearMiss: near?.text, consequence: consequence3(c) },
    suggest: near ? [{ desc: `Select ${workloadLabel3(near.workload)} with ${entries(near.selector)}`, fix: selectorYaml(c, near.selector) }] : void 0,
    related: near ? [{ at: { resource: near.workload.resource, path: [...near.workload.podMetadataPath, "labels"], part: "key" }, message: `pod labels of ${workloadLabel3(near.workload)}` }] : void 0
  });
}
var SELECTOR = ["spec", "selector", "matchLabels"];
var policy_selects_nothing_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A workload selector (AuthorizationPolicy, PeerAuthentication, RequestAuthentication, Sidecar, Telemetry) matches no workload.",
      url: docsUrl("policy-selects-nothing"),
      recommended: true,
      aliases: ["IST0127", "IST0101", "KIA0004", "KIA1006"],
      tags: ["correctness", "authorization", "authentication"]
    },
    messages: MESSAGES2,
    schema: ignoreNamespacesSchema("Policies in these namespaces are not checked."),
    defaultOptions: [{ ignoreNamespaces: [] }],
    hasSuggestions: true,
    defaultSeverity: "warn",
    reads: reads(READS.workloads, READS.gateways)
  },
  create(context) {
    const ignored2 = new Set(context.options[0]?.ignoreNamespaces ?? []);
    const run = (c) => {
      if (!ignored2.has(c.policy.namespace)) check2(context, c);
    };
    return {
      // A policy Otterize generates selects what its ClientIntents names: intent-unknown-target judges that.
      AuthorizationPolicy: (p) => {
        if (!p.generatedBy) run({ kind: "AuthorizationPolicy", policy: p, labelsPath: SELECTOR, rootSpansMesh: true });
      },
      PeerAuthentication: (p) => run({ kind: "PeerAuthentication", policy: p, labelsPath: SELECTOR, rootSpansMesh: false }),
      RequestAuthentication: (p) => run({ kind: "RequestAuthentication", policy: p, labelsPath: SELECTOR, rootSpansMesh: true }),
      Sidecar: (p) => run({ kind: "Sidecar", policy: p, labelsPath: ["spec", "workloadSelector", "labels"], rootSpansMesh: false }),
      Telemetry: (p) => run({ kind: "Telemetry", policy: p, labelsPath: SELECTOR, rootSpansMesh: false })
    };
  }
});

// rules/principal-never-matches/index.ts
var PRINCIPAL_FIELDS = {
  source: [
    ["principals", false],
    ["notPrincipals", true]
  ],
  when: ["source.principal"]
};
var SA_FIELDS = {
  source: [
    ["serviceAccounts", false],
    ["notServiceAccounts", true]
  ],
  when: ["source.serviceAccount"]
};
var MESSAGES3 = {
  // An exact principal of a namespace whose pods are all in the input.
  principalMatchesNoPod: 'AuthorizationPolicy "{{name}}": principal "{{value}}" matches no pod of namespace "{{namespace}}", so in {{field}} {{consequence}}.{{hint}}',
  // A pattern (or a principal without a service account) pinned to such a namespace.
  principalMatchesNoIdentity: 'AuthorizationPolicy "{{name}}": principal "{{value}}" matches no identity of namespace "{{namespace}}", so in {{field}} {{consequence}}.{{hint}}',
  serviceAccountMatchesNoPod: 'AuthorizationPolicy "{{name}}": service account "{{value}}" matches no pod of namespace "{{namespace}}"{{implied}}, so in {{field}} {{consequence}}.{{hint}}',
  callerWithoutIdentity: 'AuthorizationPolicy "{{name}}": "{{value}}" is the identity of {{callers}}, which has no sidecar and is not in ambient, so it calls in plaintext, with no identity. In {{field}} {{consequence}}. Add it to the mesh or match it by ipBlocks.',
  callersWithoutIdentity: 'AuthorizationPolicy "{{name}}": "{{value}}" is the identity of {{callers}}, which have no sidecar and are not in ambient, so they call in plaintext, with no identity. In {{field}} {{consequence}}. Add them to the mesh or match them by ipBlocks.',
  spiffePrefix: 'AuthorizationPolicy "{{name}}": principal "{{value}}" can never match: Istio prepends "spiffe://" itself, so a value that already has it never matches. In {{field}} {{consequence}}. Use "{{fixed}}".',
  innerWildcard: 'AuthorizationPolicy "{{name}}": principal "{{value}}" can never match: "*" is a wildcard only as the first or last character; elsewhere it is literal, and no identity contains it. In {{field}} {{consequence}}. Use "{{fixed}}".',
  // No suffix form keeps what the value meant (the "*" is inside a segment, or there are several).
  // An exact principal `<td>/ns/<ns>/sa/<sa>` of a trust domain the mesh does not accept.
  foreignTrustDomain: `AuthorizationPolicy "{{name}}": principal "{{value}}" is of trust domain "{{trustDomain}}", neither the mesh's ("{{meshTrustDomain}}") nor one of its trustDomainAliases: sidecars and waypoints refuse peer certificates of other trust domains, so in {{field}} {{consequence}}. If the mesh does trust "{{trustDomain}}" (meshConfig trustDomainAliases or caCertificates trustDomains), list it in mesh.trustDomainAliases; otherwise use "{{fixed}}".`,
  innerWildcardNoFix: 'AuthorizationPolicy "{{name}}": principal "{{value}}" can never match: "*" is a wildcard only as the first or last character; elsewhere it is literal, and no identity contains it. In {{field}} {{consequence}}. Put "*" only at the start or end.'
};
var HINTS = {
  runsAs: ' {{workload}} runs as "{{real}}": name that.',
  runsAsDefault: ' {{workload}} runs as "{{real}}" (it sets no serviceAccountName): name that, or give it its own account.',
  didYouMean: ' Did you mean "{{real}}"?',
  runsElsewhere: ' "{{serviceAccount}}" runs in namespace {{namespaces}}: use "{{real}}".',
  namespaceRunsAs: ' Workloads of namespace "{{namespace}}" run as {{accounts}}: name one of those.'
};
function workloadLabel4(w) {
  return `${w.kind} ${w.namespace}/${w.name}`;
}
function quoteList(names3) {
  const shown = names3.slice(0, 4).map((n) => `"${n}"`);
  return names3.length > 4 ? `${shown.join(", ")} and ${names3.length - 4} more` : shown.join(", ");
}
function replacedList(use, index, value) {
  const key2 = use.whenIndex === void 0 ? use.field : use.negative ? "notValues" : "values";
  return `${key2}:
${use.values.map((v, i) => `- ${JSON.stringify(i === index ? value : v.value)}`).join("\n")}
`;
}
function presentsNoIdentity(w) {
  return w.dataplane.mode === "none" && !w.dataplane.assumption && !isIstioGatewayWorkload(w);
}
var Checker = class {
  constructor(context) {
    this.context = context;
    this.model = context.model;
    const { trustDomain, trustDomainAliases } = this.model.mesh;
    this.known = (context.options[0]?.knownPrincipals ?? []).map((k) => {
      const slash = k.indexOf("/");
      const td = k.slice(0, slash);
      return slash > 0 && (td === CLUSTER_LOCAL_TRUST_DOMAIN || td === trustDomain || trustDomainAliases.includes(td)) ? `${trustDomain}${k.slice(slash)}` : k;
    });
  }
  context;
  saNamespaces;
  model;
  /** `knownPrincipals`, with a local trust domain written as the mesh's (as istiod rewrites policies). */
  known;
  /** Whether a configured known principal (or pattern) covers what the entry matches. */
  isKnown(pattern2) {
    return this.known.some((k) => matchString(k, pattern2.pattern) || principalPatternMatches(pattern2, k));
  }
  accountCache = /* @__PURE__ */ new Map();
  /** Service accounts of a namespace: those some pod runs as, and ServiceAccount objects (once per namespace). */
  accounts(ns) {
    let a = this.accountCache.get(ns);
    if (a) return a;
    const bySa = /* @__PURE__ */ new Map();
    for (const o of this.model.identitiesIn(ns)) bySa.set(o.serviceAccount, [...bySa.get(o.serviceAccount) ?? [], o]);
    const objects = new Set(this.model.serviceAccountsIn(ns).map((r) => r.name));
    const names3 = [.../* @__PURE__ */ new Set([...bySa.keys(), ...objects])].sort();
    a = { bySa, objects, names: names3, nameSet: new Set(names3) };
    this.accountCache.set(ns, a);
    return a;
  }
  /** Namespaces in which some pod runs as `sa` (built once, on the first finding that needs it). */
  namespacesRunning(sa) {
    if (!this.saNamespaces) {
      const map = /* @__PURE__ */ new Map();
      for (const ns of [...this.model.workloadNamespaces()].sort()) {
        for (const o of this.model.identitiesIn(ns)) {
          let set = map.get(o.serviceAccount);
          if (!set) map.set(o.serviceAccount, set = /* @__PURE__ */ new Set());
          set.add(o.namespace);
        }
      }
      this.saNamespaces = new Map([...map].map(([k, v]) => [k, [...v]]));
    }
    return this.saNamespaces.get(sa) ?? [];
  }
  identity(ns, sa) {
    return `${this.model.mesh.trustDomain}/ns/${ns}/sa/${sa}`;
  }
  /** What the caller the entry was probably meant for really runs as, with fixes. */
  hint(p, use, index, ns, sa, names3, asServiceAccount) {
    const render = (nsName, saName) => asServiceAccount ? nsName === p.namespace && !use.values[index].value.includes("/") ? saName : `${nsName}/${saName}` : this.identity(nsName, saName);
    if (sa !== void 0) {
      const ws = this.model.workloadsIn(ns);
      const w = ws.find((x) => x.name === sa) ?? this.model.selectWorkloads(ns, { app: sa })[0] ?? this.model.selectWorkloads(ns, { "app.kubernetes.io/name": sa })[0];
      if (w) {
        const real = render(ns, w.serviceAccount);
        const podSpec = typeof w.serviceAccountPath.at(-1) === "string" && String(w.serviceAccountPath.at(-1)).startsWith("serviceAccount") ? w.serviceAccountPath.slice(0, -1) : w.serviceAccountPath;
        const useReal = {
          desc: `Name the identity ${workloadLabel4(w)} has${w.serviceAccount === "default" ? " (shared by every pod of the namespace that sets no service account)" : ""}`,
          fix: replacedList(use, index, real)
        };
        const ownAccount = {
          desc: `Run ${workloadLabel4(w)} as its own service account "${sa}"`,
          fix: [
            "apiVersion: v1",
            "kind: ServiceAccount",
            "metadata:",
            `  name: ${sa}`,
            `  namespace: ${ns}`,
            "---",
            `# ${workloadLabel4(w)}`,
            ...podSpec.map((seg, i) => `${"  ".repeat(i)}${String(seg)}:`),
            `${"  ".repeat(podSpec.length)}serviceAccountName: ${sa}`,
            ""
          ].join("\n")
        };
        const suggestions = w.serviceAccount === "default" ? [ownAccount, useReal] : [useReal];
        return {
          text: interpolate(w.serviceAccount === "default" ? HINTS.runsAsDefault : HINTS.runsAs, { workload: workloadLabel4(w), real }),
          suggestions,
          related: [{ at: { resource: w.resource, path: w.serviceAccountPath, part: "key" }, message: `service account of ${workloadLabel4(w)}` }]
        };
      }
      const near = closest(sa, names3);
      if (near !== void 0) {
        const real = render(ns, near);
        return { text: interpolate(HINTS.didYouMean, { real }), suggestions: [{ desc: `Use "${real}"`, fix: replacedList(use, index, real) }] };
      }
      const elsewhere = this.namespacesRunning(sa);
      if (elsewhere.length > 0) {
        const real = render(elsewhere[0], sa);
        return {
          text: interpolate(HINTS.runsElsewhere, { serviceAccount: sa, namespaces: quoteList(elsewhere), real }),
          suggestions: [{ desc: `Use "${real}"`, fix: replacedList(use, index, real) }]
        };
      }
    }
    return { text: interpolate(HINTS.namespaceRunsAs, { namespace: ns, accounts: quoteList(names3) }), suggestions: [] };
  }
  noPlaintextCallers(p, use, index, ns, matched, accounts) {
    const callers = [];
    for (const sa of matched) {
      const runs = accounts.bySa.get(sa) ?? [];
      if (runs.length === 0 && accounts.objects.has(sa)) return false;
      for (const o of runs) {
        if (!o.workload || !presentsNoIdentity(o.workload)) return false;
        callers.push(o.workload);
      }
    }
    if (callers.length === 0) return false;
    const entry = use.values[index];
    const names3 = callers.slice(0, 3).map(workloadLabel4).join(", ") + (callers.length > 3 ? ` and ${callers.length - 3} more` : "");
    this.context.report({
      at: { resource: p.resource, path: entry.path },
      messageId: callers.length > 1 ? "callersWithoutIdentity" : "callerWithoutIdentity",
      data: { name: p.name, value: entry.value, callers: names3, field: fieldLabel(use), consequence: noCallerConsequence(p, use, true) },
      related: callers.slice(0, 3).map((w) => ({ at: { resource: w.resource, path: w.podMetadataPath, part: "key" }, message: `pods of ${workloadLabel4(w)}` }))
    });
    return true;
  }
  /**
   * A waypoint-looking principal in a ztunnel policy on pods behind a waypoint is
   * waypoint-principal-mismatch's finding, which names the waypoint's real identity.
   */
  meantForWaypoint(p, principal) {
    if (p.targetRefs.length > 0 || !looksLikeWaypointPrincipal(this.model, principal)) return false;
    return this.model.policyWorkloads(p).some((w) => w.dataplane.mode === "ambient" && waypointsServing(this.model, w).length > 0);
  }
  checkPrincipal(p, use, index) {
    const entry = use.values[index];
    const pp = parsePrincipalPattern(entry.value, this.model.mesh.trustDomain, this.model.mesh.trustDomainAliases);
    if (pp.impossible) {
      this.reportImpossible(p, use, index, pp);
      return;
    }
    if (this.isKnown(pp)) return;
    if (pp.kind === "exact" && pp.scope === "foreign") {
      this.checkTrustDomain(p, use, index);
      return;
    }
    if (pp.kind === "any" || pp.scope === "foreign" || pp.namespace === void 0) return;
    const ns = pp.namespace;
    if (!this.model.knowsWorkloadsOf(ns)) return;
    const accounts = this.accounts(ns);
    const names3 = accounts.names;
    const matched = pp.kind === "exact" ? pp.serviceAccount !== void 0 && accounts.nameSet.has(pp.serviceAccount) && pp.pattern === this.identity(ns, pp.serviceAccount) ? [pp.serviceAccount] : [] : names3.filter((sa) => principalPatternMatches(pp, this.identity(ns, sa)));
    if (matched.length > 0) {
      this.noPlaintextCallers(p, use, index, ns, matched, accounts);
      return;
    }
    if (this.meantForWaypoint(p, entry.value)) return;
    const h = this.hint(p, use, index, ns, pp.serviceAccount, names3, false);
    this.context.report({
      at: { resource: p.resource, path: entry.path },
      messageId: pp.kind === "exact" && pp.serviceAccount !== void 0 ? "principalMatchesNoPod" : "principalMatchesNoIdentity",
      data: { name: p.name, value: entry.value, namespace: ns, field: fieldLabel(use), consequence: noCallerConsequence(p, use, true), hint: h.text },
      suggest: h.suggestions.length > 0 ? h.suggestions : void 0,
      related: h.related
    });
  }
  /**
   * An exact principal of a trust domain Envoy refuses (TrustDomainsForValidation accepts the
   * mesh's and its aliases): it can match no peer, whatever pods exist.
   */
  checkTrustDomain(p, use, index) {
    const entry = use.values[index];
    const m = /^([^/]+)(\/ns\/[^/]+\/sa\/[^/]+)$/.exec(entry.value);
    if (!m) return;
    const { trustDomain, trustDomainAliases } = this.model.mesh;
    const td = m[1];
    if (td === CLUSTER_LOCAL_TRUST_DOMAIN || envoyAcceptsTrustDomain(td, trustDomain, trustDomainAliases)) return;
    const fixed = `${trustDomain}${m[2]}`;
    this.context.report({
      at: { resource: p.resource, path: entry.path },
      messageId: "foreignTrustDomain",
      data: { name: p.name, value: entry.value, trustDomain: td, meshTrustDomain: trustDomain, field: fieldLabel(use), consequence: noCallerConsequence(p, use, true), fixed },
      suggest: [{ desc: `Use the mesh's trust domain "${trustDomain}"`, fix: replacedList(use, index, fixed) }]
    });
  }
  reportImpossible(p, use, index, pp) {
    const entry = use.values[index];
    let messageId;
    let fixed;
    if (pp.impossible === "spiffe-scheme") {
      messageId = "spiffePrefix";
      fixed = entry.value.replace(/^spiffe:\/\//, "");
    } else {
      const star = entry.value.indexOf("*", 1);
      const rest = entry.value.slice(star + 1);
      if (star > 0 && rest.startsWith("/") && !rest.includes("*")) fixed = `*${rest}`;
      messageId = fixed ? "innerWildcard" : "innerWildcardNoFix";
    }
    const at3 = { resource: p.resource, path: entry.path };
    this.context.report({
      at: at3,
      messageId,
      data: { name: p.name, value: entry.value, field: fieldLabel(use), consequence: noCallerConsequence(p, use, true), fixed },
      // Safe to apply unasked (README, "How to fix"): the value names one identity or prefix, and
      // without the scheme it names that same one; "spiffe://*" is left to a choice.
      fix: messageId === "spiffePrefix" && fixed && !fixed.startsWith("*") ? { at: at3, value: fixed } : void 0,
      suggest: fixed ? [{ desc: pp.impossible === "spiffe-scheme" ? 'Drop the "spiffe://" prefix' : `Match every identity ending in "${fixed.slice(1)}" (any namespace and trust domain)`, fix: replacedList(use, index, fixed) }] : void 0
    });
  }
  checkServiceAccount(p, use, index) {
    const entry = use.values[index];
    if (entry.value.includes("*") || entry.value === "") return;
    const { namespace: ns, serviceAccount: sa } = parseServiceAccountEntry(entry.value, p.namespace);
    if (this.isKnown(parsePrincipalPattern(this.identity(ns, sa), this.model.mesh.trustDomain))) return;
    if (!this.model.knowsWorkloadsOf(ns)) return;
    const accounts = this.accounts(ns);
    const names3 = accounts.names;
    if (accounts.nameSet.has(sa)) {
      this.noPlaintextCallers(p, use, index, ns, [sa], accounts);
      return;
    }
    const h = this.hint(p, use, index, ns, sa, names3, true);
    this.context.report({
      at: { resource: p.resource, path: entry.path },
      messageId: "serviceAccountMatchesNoPod",
      data: {
        name: p.name,
        value: entry.value,
        namespace: ns,
        implied: entry.value.includes("/") ? "" : ` (without "<namespace>/", the policy's namespace)`,
        field: fieldLabel(use),
        consequence: noCallerConsequence(p, use, true),
        hint: h.text
      },
      suggest: h.suggestions.length > 0 ? h.suggestions : void 0,
      related: h.related
    });
  }
};
var principal_never_matches_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "An AuthorizationPolicy names a principal or service account that no workload of the input runs as.",
      url: docsUrl("principal-never-matches"),
      recommended: true,
      aliases: ["KIA0106", "KIA0108"],
      tags: ["correctness", "authorization"]
    },
    messages: MESSAGES3,
    schema: [
      {
        type: "object",
        properties: {
          knownPrincipals: {
            ...NAMESPACE_LIST,
            description: 'Principals (or "prefix*" / "*suffix" patterns) that exist although no workload of the input runs as them.'
          },
          ignoreNamespaces: { ...NAMESPACE_LIST, description: "AuthorizationPolicies in these namespaces are not checked." }
        },
        additionalProperties: false
      }
    ],
    defaultOptions: [{ knownPrincipals: [], ignoreNamespaces: [] }],
    hasSuggestions: true,
    fixable: "code",
    defaultSeverity: "warn",
    reads: reads(READS.identities, READS.serviceAccounts, READS.workloads, READS.waypoints)
  },
  create(context) {
    const checker = new Checker(context);
    const ignored2 = new Set(context.options[0]?.ignoreNamespaces ?? []);
    return {
      AuthorizationPolicy(p) {
        if (ignored2.has(p.namespace)) return;
        for (const use of sourceFieldUses(p, PRINCIPAL_FIELDS, true)) {
          use.values.forEach((_, i) => checker.checkPrincipal(p, use, i));
        }
        for (const use of sourceFieldUses(p, SA_FIELDS, true)) {
          use.values.forEach((_, i) => checker.checkServiceAccount(p, use, i));
        }
      }
    };
  }
});

// rules/selector-ignored-in-ambient/index.ts
function describeWorkloads4(ws) {
  const all = [...new Set(ws.map((w) => `${w.kind} ${w.namespace}/${w.name}`))];
  return all.length > 3 ? `${all.slice(0, 3).join(", ")} and ${all.length - 3} more` : all.join(", ");
}
function l7Telemetry(spec) {
  const parts = [];
  if (arr(spec.tracing).length > 0) parts.push("tracing");
  if (arr(spec.accessLogging).length > 0) parts.push("access logging");
  if (arr(spec.metrics).some((m) => isRecord(m) && arr(m.overrides).length > 0)) parts.push("metric overrides");
  return parts.length > 0 ? parts.join(", ") : void 0;
}
function ambientSelected(model, p, rootSpansMesh) {
  if (p.targetRefs.length > 0 || !p.selector || Object.keys(p.selector).length === 0) return [];
  return model.policyWorkloads(p, rootSpansMesh).filter((w) => w.dataplane.mode === "ambient" && !isIstioGatewayWorkload(w));
}
function targetRefsFix(model, p, ws) {
  const services = [...new Set(ws.flatMap((w) => model.servicesOf(w).filter((s) => s.namespace === p.namespace).map((s) => s.name)))].sort();
  const lines = ["spec:", "  targetRefs:"];
  for (const n of services.length > 0 ? services : ["<service>"]) lines.push("  - kind: Service", '    group: ""', `    name: ${n}`);
  return `${lines.join("\n")}
`;
}
var selector_ignored_in_ambient_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A RequestAuthentication, an L7 Telemetry or a WasmPlugin selects ambient pods by label: ztunnel ignores it and waypoints take only targetRefs, so it has no effect.",
      url: docsUrl("selector-ignored-in-ambient"),
      recommended: true,
      aliases: ["KIA1110", "KIA1111", "KIA1112", "KIA1115", "KIA1116", "KIA1117"],
      tags: ["security", "ambient"]
    },
    messages: {
      requestAuthentication: 'RequestAuthentication "{{name}}" selects {{workloads}}, which {{run}} in ambient: ztunnel validates no JWT and a waypoint applies only policies attached with targetRefs, so no token is validated and no request principal is set for them. Attach it with targetRefs to the Service{{plural}} in front of them (served by a waypoint).',
      telemetry: 'Telemetry "{{name}}" configures {{what}} for {{workloads}}, which {{run}} in ambient: ztunnel does not apply it and a waypoint applies only policies attached with targetRefs, so it has no effect. Attach it with targetRefs to the Service{{plural}} in front of them (served by a waypoint).',
      wasmPlugin: 'WasmPlugin "{{name}}" selects {{workloads}}, which {{run}} in ambient: ztunnel runs no Wasm and a waypoint applies only plugins attached with targetRefs, so the plugin does not run for them. Attach it with targetRefs to the Service{{plural}} in front of them (served by a waypoint).'
    },
    schema: [],
    hasSuggestions: true,
    defaultSeverity: "warn",
    reads: reads(READS.services, READS.workloads)
  },
  create(context) {
    const model = context.model;
    const report = (p, ws, messageId, what) => {
      const plural = new Set(ws.flatMap((w) => model.servicesOf(w).map((s) => s.name))).size > 1 ? "s" : "";
      context.report({
        at: { resource: p.resource, path: ["spec", "selector"], part: "key" },
        messageId,
        data: { name: p.name, workloads: describeWorkloads4(ws), run: ws.length > 1 ? "run" : "runs", what, plural },
        suggest: [{ desc: `Attach ${p.resource.kind} "${p.name}" with targetRefs (and drop its selector)`, fix: targetRefsFix(model, p, ws) }],
        assumptions: model.assumptionsOf(ws)
      });
    };
    return {
      RequestAuthentication(p) {
        const ws = ambientSelected(model, p, true);
        if (ws.length > 0) report(p, ws, "requestAuthentication");
      },
      Telemetry(t) {
        const what = l7Telemetry(t.spec);
        if (!what) return;
        const ws = ambientSelected(model, t, false);
        if (ws.length > 0) report(t, ws, "telemetry", what);
      },
      WasmPlugin(r) {
        const p = toSelectingPolicy(r);
        const ws = ambientSelected(model, p, true);
        if (ws.length > 0) report(p, ws, "wasmPlugin");
      }
    };
  }
});

// rules/service-port-protocol/index.ts
var KUBERNETES_NAMESPACES = /* @__PURE__ */ new Set(["kube-system", "kube-public", "kube-node-lease"]);
function isIstioManaged(labels) {
  return labels.istio !== void 0 || labels.release === "istio" || labels["gateway.istio.io/managed"] !== void 0;
}
var service_port_protocol_default = defineRule({
  meta: {
    type: "suggestion",
    docs: {
      description: "A Service port declares no protocol Istio knows (a name such as http-web or tcp-db, or appProtocol), so Istio sniffs it.",
      url: docsUrl("service-port-protocol"),
      recommended: true,
      aliases: ["IST0118", "KIA0601", "KIA0602"],
      tags: ["traffic"]
    },
    messages: {
      protocolNotDeclared: 'Service "{{name}}" port {{port}}{{portName}} declares no protocol Istio knows{{appProtocol}}: Istio detects it from the first bytes the client sends, so a protocol where the server speaks first (MySQL, SMTP, \u2026) can hang, and HTTP routing and policy apply only when detection recognises HTTP. Name the port <protocol>[-suffix] (http-web, grpc, tcp-db) or set appProtocol.'
    },
    schema: [],
    defaultSeverity: "warn",
    reads: []
  },
  create(context) {
    return {
      Service(s) {
        if (isIstioManaged(s.resource.labels) || KUBERNETES_NAMESPACES.has(s.namespace)) return;
        const spec = s.resource.raw.spec;
        if (spec?.type === "ExternalName") return;
        for (const p of s.ports) {
          if (portProtocol(p) !== void 0) continue;
          context.report({
            at: { resource: s.resource, path: ["spec", "ports", p.index, p.appProtocol !== void 0 ? "appProtocol" : p.name !== void 0 ? "name" : "port"] },
            messageId: "protocolNotDeclared",
            data: { name: s.name, port: p.port, portName: p.name ? ` ("${p.name}")` : "", appProtocol: p.appProtocol !== void 0 ? ` (appProtocol "${p.appProtocol}")` : "" }
          });
        }
      }
    };
  }
});

// rules/serviceentry-conflict/index.ts
var protocolText = (p) => p ? p : "no protocol (sniffed)";
function sharedScope(a, b) {
  if (a.has("*")) return [...b];
  if (b.has("*")) return [...a];
  return [...a].filter((n) => b.has(n));
}
function reportHostPort(context, hostPort, claims) {
  const [host, port2] = [hostPort.slice(0, hostPort.lastIndexOf(":")), hostPort.slice(hostPort.lastIndexOf(":") + 1)];
  const seenWith = claimsSeenWith(claims);
  for (const c of claims) {
    const others = seenWith(c);
    const conflicting = others.filter((o) => o.protocol !== c.protocol);
    const duplicates = others.filter((o) => o.protocol === c.protocol && o.item.namespace !== c.item.namespace);
    const reported = conflicting.length > 0 ? conflicting : duplicates;
    if (reported.length === 0) continue;
    context.report({
      at: { resource: c.item.resource, path: c.path },
      messageId: conflicting.length > 0 ? "conflictingProtocols" : "duplicateHostPort",
      data: {
        name: c.item.name,
        host,
        port: port2,
        protocol: protocolText(c.protocol),
        others: listText(reported.map((o) => `"${o.item.namespace}/${o.item.name}"`), 5),
        otherProtocols: listText([...new Set(reported.map((o) => protocolText(o.protocol)))]),
        scope: exportToText(new Set(reported.flatMap((o) => sharedScope(c.item.exportTo, o.item.exportTo))))
      },
      related: reported.slice(0, 5).map((o) => ({ at: { resource: o.item.resource, path: o.path }, message: `ServiceEntry ${o.item.namespace}/${o.item.name} declares ${host} port ${port2} as ${protocolText(o.protocol)}` }))
    });
  }
}
var serviceentry_conflict_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "Several ServiceEntries declare the same host and port: with different protocols, or from different namespaces that a client sees together.",
      url: docsUrl("serviceentry-conflict"),
      recommended: true,
      aliases: ["IST0177", "KIA1211", "KIA1212"],
      tags: ["correctness", "traffic"]
    },
    messages: {
      conflictingProtocols: `ServiceEntry "{{name}}" declares {{host}} port {{port}} as {{protocol}}, and ServiceEntry {{others}} declares it as {{otherProtocols}} (both seen in {{scope}}): a client's proxy keeps one protocol for the port, from its own namespace's ServiceEntry, else from the one istiod picks, and handles the traffic meant for the other as that protocol. Declare the port with one protocol.`,
      duplicateHostPort: `ServiceEntry "{{name}}" declares {{host}} port {{port}}, as ServiceEntry {{others}} does from another namespace (both seen in {{scope}}): a client's proxy uses one of them for the host, its own namespace's, else the one istiod picks, and ignores the other's endpoints, resolution and location. Keep one ServiceEntry for the host, or export them to different namespaces.`
    },
    schema: [],
    defaultSeverity: "warn",
    reads: reads(READS.hosts)
  },
  create(context) {
    return {
      "Mesh:exit"() {
        for (const [hostPort, claims] of context.model.serviceEntryPortsByHostPort()) {
          if (claims.length > 1) reportHostPort(context, hostPort, claims);
        }
      }
    };
  }
});

// rules/sidecar-ineffective/index.ts
var SELECTOR2 = ["spec", "workloadSelector"];
var label4 = (s) => `"${s.namespace}/${s.name}"`;
function reportUnknownEgressHosts(context, s) {
  const model = context.model;
  arr(s.spec.egress).forEach((egress, e) => {
    if (!isRecord(egress)) return;
    arr(egress.hosts).forEach((value, h) => {
      if (typeof value !== "string") return;
      const host = value.slice(value.indexOf("/") + 1).toLowerCase();
      const ns = model.missingServiceHostNamespace(host);
      if (!ns) return;
      context.report({
        at: { resource: s.resource, path: ["spec", "egress", e, "hosts", h] },
        messageId: "egressHostUnknown",
        data: { name: s.name, host: value, namespace: ns, service: host.split(".")[0] }
      });
    });
  });
}
function reportDefaults(context, defaults) {
  if (defaults.length < 2) return;
  for (const s of defaults) {
    const others = defaults.filter((o) => o !== s);
    context.report({
      at: { resource: s.resource, path: ["metadata", "name"] },
      messageId: "severalDefaults",
      data: { name: s.name, namespace: s.namespace, others: listText(others.map(label4)) },
      related: others.map((o) => ({ at: { resource: o.resource, path: ["metadata", "name"] }, message: `Sidecar ${o.namespace}/${o.name} has no workloadSelector either` }))
    });
  }
}
function reportOverlaps(context, selecting) {
  const byWorkload = /* @__PURE__ */ new Map();
  for (const s of selecting) {
    for (const w of context.model.policyWorkloads(s, false)) {
      const list = byWorkload.get(w);
      if (list) list.push(s);
      else byWorkload.set(w, [s]);
    }
  }
  const reported = /* @__PURE__ */ new Set();
  for (const [w, list] of byWorkload) {
    if (list.length < 2 || w.dataplane.mode === "ambient") continue;
    for (const s of list) {
      if (reported.has(s)) continue;
      reported.add(s);
      const others = list.filter((o) => o !== s);
      context.report({
        at: { resource: s.resource, path: SELECTOR2, part: "key" },
        messageId: "overlappingSelectors",
        data: { name: s.name, workload: `${w.kind} ${w.namespace}/${w.name}`, others: listText(others.map(label4)) },
        related: others.map((o) => ({ at: { resource: o.resource, path: SELECTOR2, part: "key" }, message: `Sidecar ${o.namespace}/${o.name} also selects ${w.kind} ${w.namespace}/${w.name}` }))
      });
    }
  }
}
function reportAmbient(context, s) {
  const model = context.model;
  if (s.selector === void 0) {
    const dp = model.dataplaneFor(s.namespace);
    if (dp.mode !== "ambient" || dp.assumption) return;
    context.report({ at: { resource: s.resource, path: ["metadata", "name"] }, messageId: "ambientNamespace", data: { name: s.name, namespace: s.namespace } });
    return;
  }
  const pods = model.policyWorkloads(s, false);
  if (pods.length === 0 || pods.some((w) => w.dataplane.mode !== "ambient" || w.dataplane.assumption)) return;
  context.report({
    at: { resource: s.resource, path: SELECTOR2, part: "key" },
    messageId: "ambientPods",
    data: { name: s.name, workloads: listText(pods.slice(0, 3).map((w) => `${w.kind} ${w.namespace}/${w.name}`)) + (pods.length > 3 ? ` and ${pods.length - 3} more` : "") }
  });
}
var sidecar_ineffective_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A Sidecar does not configure the proxies it is meant for: another Sidecar wins for the same pods, the pods run in ambient mode, or an egress host names a Service that does not exist.",
      url: docsUrl("sidecar-ineffective"),
      recommended: true,
      aliases: ["IST0110", "IST0111", "IST0167", "KIA0002", "KIA0003", "KIA1004"],
      tags: ["correctness", "traffic"]
    },
    messages: {
      overlappingSelectors: 'Sidecar "{{name}}" selects {{workload}}, which Sidecar {{others}} also selects: istiod gives each proxy one Sidecar, the first created, and ignores the others for it. Make the workloadSelectors disjoint, or merge the Sidecars.',
      severalDefaults: `Sidecar "{{name}}" has no workloadSelector, nor has Sidecar {{others}}: istiod uses only the first created as namespace {{namespace}}'s default and ignores the others. Merge them into one, or give all but one a workloadSelector.`,
      ambientPods: 'Sidecar "{{name}}" selects only ambient pods ({{workloads}}): they run no sidecar proxy, so it has no effect. Remove it, or move its settings to the waypoint.',
      ambientNamespace: 'Sidecar "{{name}}" is the default of namespace {{namespace}}, whose pods run in ambient mode without sidecar proxies: it has no effect. Remove it.',
      egressHostUnknown: `Sidecar "{{name}}" imports egress host "{{host}}", but namespace {{namespace}} has no Service "{{service}}" (nor does a ServiceEntry declare the host): the entry imports nothing, and if it was meant for another Service, that Service is not in the Sidecar's egress, so its proxies get no route or cluster for it. Fix the host name, or remove the entry.`
    },
    schema: [],
    defaultSeverity: "warn",
    reads: reads(READS.hosts, READS.workloads)
  },
  create(context) {
    const byNamespace = /* @__PURE__ */ new Map();
    return {
      Sidecar(s) {
        const list = byNamespace.get(s.namespace);
        if (list) list.push(s);
        else byNamespace.set(s.namespace, [s]);
        reportAmbient(context, s);
        reportUnknownEgressHosts(context, s);
      },
      "Mesh:exit"() {
        for (const list of byNamespace.values()) {
          reportDefaults(context, list.filter((s) => s.selector === void 0));
          reportOverlaps(context, list.filter((s) => s.selector !== void 0));
        }
      }
    };
  }
});

// src/mtls/client-identity.ts
function modeWithoutIdentity(tls, autoMtls) {
  if (tls.mode === void 0) return autoMtls ? void 0 : "DISABLE";
  return tls.mode === "ISTIO_MUTUAL" ? void 0 : tls.mode;
}
function clientsWithoutIdentity(model, w, ports) {
  const autoMtls = model.mesh.enableAutoMtls;
  const out = [];
  for (const s of model.servicesOf(w)) {
    for (const p of s.ports) {
      const target = targetPortOf(p, w);
      if (ports && (target === void 0 || !ports.includes(target))) continue;
      const mode = effectiveMtls(model, w, target).mode;
      if (mode === "STRICT" || mode === "DISABLE") continue;
      const groups = /* @__PURE__ */ new Map();
      for (const v of clientViews(model, s, p, (tls) => modeWithoutIdentity(tls, autoMtls) !== void 0)) {
        const rule = v.tls.mode === void 0 ? void 0 : v.tls.decidedAt?.rule;
        const sent = modeWithoutIdentity(v.tls, autoMtls);
        const key2 = rule ? `${rule.dr.namespace}/${rule.dr.name}/${sent}` : sent;
        const g = groups.get(key2);
        if (g) g.views.push(v);
        else groups.set(key2, { service: s, port: p, rule, path: rule ? v.tls.decidedAt?.path : void 0, mode: sent, views: [v] });
      }
      out.push(...groups.values());
    }
  }
  return out;
}

// rules/source-identity-without-mtls/index.ts
var FIELDS2 = {
  source: [
    ["principals", false],
    ["notPrincipals", true],
    ["namespaces", false],
    ["notNamespaces", true],
    ["serviceAccounts", false],
    ["notServiceAccounts", true],
    ["trustDomains", false],
    ["notTrustDomains", true]
  ],
  when: ["source.principal", "source.namespace", "source.serviceAccount", "source.trustDomain"]
};
function subset2(selector, labels) {
  for (const k in selector) if (labels[k] !== selector[k]) return false;
  return true;
}
function workloadLabel5(w) {
  return `${w.kind} ${w.namespace}/${w.name}`;
}
function describe4(ws) {
  const names3 = ws.slice(0, 3).map(workloadLabel5);
  return ws.length > 3 ? `${names3.join(", ")} and ${ws.length - 3} more` : names3.join(", ");
}
function disabledBy(model, w) {
  const em = model.effectiveMtls(w);
  if (em.mode !== "DISABLE" || !em.decidedBy) return void 0;
  if (w.namespace !== model.rootNamespace) {
    for (const pa of model.policiesIn("PeerAuthentication", w.namespace)) {
      if (!pa.selector || Object.keys(pa.selector).length === 0 || !subset2(pa.selector, w.podLabels)) continue;
      for (const port2 of pa.portLevel.keys()) if (model.effectiveMtls(w, port2).mode !== "DISABLE") return void 0;
    }
  }
  return em.decidedBy;
}
function hasNoProxy(w) {
  return w.dataplane.mode === "none" && !w.dataplane.assumption && !isIstioGatewayWorkload(w);
}
function subject(use) {
  return use.whenIndex === void 0 && use.fromCount > 1 ? `this rule's from[${use.fromIndex}] entry` : "this rule";
}
function consequence4(p, use) {
  if (use.negative) {
    const verb2 = p.action === "DENY" ? "denies" : p.action === "AUDIT" ? "audits" : p.action === "CUSTOM" ? "sends to the external authorizer" : "admits";
    const shown = quoted(use.values.slice(0, 3).map((v) => v.value));
    const listed = use.values.length > 3 ? `${shown.join(", ")} and ${use.values.length - 3} more` : shown.join(", ");
    return `it matches every caller and this rule ${verb2} every request that meets its other conditions, even from ${listed}`;
  }
  switch (p.action) {
    case "DENY":
      return `it never matches and ${subject(use)} denies nothing: the callers it should block get through`;
    case "AUDIT":
      return `it never matches and ${subject(use)} audits nothing`;
    case "CUSTOM":
      return `it never matches and ${subject(use)} sends nothing to the external authorizer`;
    default:
      return `it never matches and ${subject(use)} admits nothing: its callers get 403 unless another rule admits them`;
  }
}
function negated(use) {
  if (use.whenIndex !== void 0) return `the "${use.field}" condition with notValues`;
  return `"not${use.field[0].toUpperCase()}${use.field.slice(1)}"`;
}
function rulePorts(p, ruleIndex) {
  const rule = p.rules?.[ruleIndex];
  if (!isRecord(rule)) return void 0;
  const to = arr(rule.to);
  if (to.length === 0) return void 0;
  const ports = [];
  for (const t of to) {
    const op = isRecord(t) && isRecord(t.operation) ? t.operation : void 0;
    const list = op ? arr(op.ports).map((x) => Number(x)).filter((n) => Number.isInteger(n)) : [];
    if (list.length === 0) return void 0;
    ports.push(...list);
  }
  return [...new Set(ports)];
}
function plaintextWhy(model, w, port2) {
  const zt = w.dataplane.mode === "ambient" ? model.ztunnelMtls(w, port2) : void 0;
  const em = zt ?? model.effectiveMtls(w, port2);
  if (em.mode === "STRICT") return void 0;
  if (zt?.istiodSlip) {
    const { workload: wpa, mesh } = zt.istiodSlip;
    return `PeerAuthentication ${wpa.namespace}/${wpa.name} makes port ${port2} STRICT under the mesh-wide STRICT ${mesh.namespace}/${mesh.name}, but istiod's convertPeerAuthentication sends ztunnel no policy for it, so ztunnel accepts plaintext there`;
  }
  if (em.decidedBy) return `PeerAuthentication ${em.decidedBy.namespace}/${em.decidedBy.name} sets ${em.mode}${em.portLevel ? ` on port ${port2}` : ""}`;
  return "no PeerAuthentication applies, and Istio's default is PERMISSIVE";
}
function how(c) {
  if (!c.rule) return "in plaintext, as enableAutoMtls is false and no DestinationRule gives them tls.mode ISTIO_MUTUAL";
  const rule = `DestinationRule ${c.rule.dr.namespace}/${c.rule.dr.name}`;
  switch (c.mode) {
    case "DISABLE":
      return `in plaintext (tls.mode DISABLE in ${rule})`;
    case "SIMPLE":
      return `with TLS but no client certificate (tls.mode SIMPLE in ${rule})`;
    case "MUTUAL":
      return `with the certificate of ${rule} (tls.mode MUTUAL), not their Istio one`;
    default:
      return `with tls.mode ${c.mode} (${rule})`;
  }
}
function uniqueAssumptions(list) {
  const seen = /* @__PURE__ */ new Set();
  return list.filter((a) => {
    const key2 = `${a.namespace}/${a.dataPlane}/${a.missing}`;
    if (seen.has(key2)) return false;
    seen.add(key2);
    return true;
  });
}
var DEFAULT_OPTIONS2 = { ignoreNamespaces: [] };
var source_identity_without_mtls_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "An AuthorizationPolicy matches callers by identity (principals, namespaces, service accounts) on workloads that receive no mTLS, or a DENY does so on workloads that accept plaintext.",
      url: docsUrl("source-identity-without-mtls"),
      recommended: true,
      aliases: ["KIA0105"],
      tags: ["security", "authorization", "mtls"]
    },
    messages: {
      identityWithoutMtls: 'AuthorizationPolicy "{{name}}" matches callers by {{field}}, which needs mTLS, but PeerAuthentication {{peerAuthentication}} turns mTLS off for {{workloads}}, so {{consequence}}. Enable mTLS there, or match callers by ipBlocks.',
      identityWithoutClientMtls: 'AuthorizationPolicy "{{name}}" matches callers by {{field}}, which needs mTLS, but {{clients}} call {{services}} {{how}}: {{workloads}} {{see}} no Istio identity from them, so for them {{consequence}}. {{fix}}',
      denyOnPlaintext: 'AuthorizationPolicy "{{name}}" denies callers by {{field}}, which needs mTLS, but {{workloads}} {{accept}} plaintext ({{why}}): a client outside the mesh presents no identity, so this DENY rule does not match it and it gets through. Require mTLS with a STRICT PeerAuthentication, or write an ALLOW policy with {{negated}}.',
      identityWithoutProxy: 'AuthorizationPolicy "{{name}}" matches callers by {{fields}}, which {{need}} mTLS, but {{workloads}} {{have}} no sidecar and {{are}} not in ambient: no proxy enforces the policy there, so every request gets through unchecked. Add {{them}} to the mesh (sidecar injection or ambient).'
    },
    schema: ignoreNamespacesSchema("Namespaces whose AuthorizationPolicies are not checked."),
    defaultOptions: [DEFAULT_OPTIONS2],
    hasSuggestions: true,
    defaultSeverity: "error",
    reads: reads(READS.clientViews, READS.peerAuthentications, READS.services, READS.workloads)
  },
  create(context) {
    const model = context.model;
    const ignored2 = new Set((context.options[0] ?? DEFAULT_OPTIONS2).ignoreNamespaces);
    const verdicts = /* @__PURE__ */ new Map();
    const verdict = (w) => {
      if (verdicts.has(w)) return verdicts.get(w);
      let v;
      if (w.dataplane.mode === "sidecar" && !isIstioGatewayWorkload(w)) v = disabledBy(model, w);
      else if (hasNoProxy(w)) v = "no-proxy";
      verdicts.set(w, v);
      return v;
    };
    const reportPermissiveDeny = (p, uses, selected, disabled) => {
      const disabledWs = new Set([...disabled.values()].flat());
      for (const use of uses) {
        if (use.negative) continue;
        const ports = rulePorts(p, use.ruleIndex);
        const open = [];
        for (const w of selected) {
          if (w.dataplane.mode === "none" || isIstioGatewayWorkload(w) || disabledWs.has(w)) continue;
          for (const port2 of ports ?? [void 0, ...w.ports.map((x) => x.port)]) {
            const why = plaintextWhy(model, w, port2);
            if (!why) continue;
            const em = w.dataplane.mode === "ambient" ? model.ztunnelMtls(w, port2) : model.effectiveMtls(w, port2);
            open.push({ w, why, pa: em.decidedBy });
            break;
          }
        }
        if (open.length === 0) continue;
        const ws = open.map((o) => o.w);
        const whys = [...new Set(open.map((o) => o.why))];
        const pas = [...new Set(open.flatMap((o) => o.pa ? [o.pa] : []))];
        context.report({
          at: { resource: p.resource, path: use.at.path, part: use.at.part },
          severity: "warn",
          messageId: "denyOnPlaintext",
          data: { name: p.name, field: fieldLabel(use), workloads: describe4(ws), accept: ws.length === 1 ? "accepts" : "accept", why: whys.slice(0, 2).join("; "), negated: negated(use) },
          suggest: [
            { desc: `Require mTLS for the workloads (PeerAuthentication STRICT in namespace "${ws[0].namespace}")`, fix: `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: ${ws[0].namespace}
spec:
  mtls:
    mode: STRICT
` }
          ],
          related: pas.slice(0, 3).map((pa) => ({
            at: { resource: pa.resource, path: isRecord(pa.resource.raw.spec) && isRecord(pa.resource.raw.spec.mtls) ? ["spec", "mtls"] : ["spec"] },
            message: `PeerAuthentication ${pa.namespace}/${pa.name} lets plaintext in`
          })),
          assumptions: model.assumptionsOf(ws)
        });
      }
    };
    const clientCache2 = /* @__PURE__ */ new Map();
    const clientsOf = (w, ports) => {
      const key2 = `${w.kind}/${w.namespace}/${w.name}/${ports?.join(",") ?? "*"}`;
      let list = clientCache2.get(key2);
      if (!list) clientCache2.set(key2, list = clientsWithoutIdentity(model, w, ports));
      return list;
    };
    const reportClientsWithoutIdentity = (p, uses, sidecars) => {
      if (sidecars.length === 0) return;
      for (const use of uses) {
        const groups = /* @__PURE__ */ new Map();
        for (const w of sidecars) {
          for (const c of clientsOf(w, rulePorts(p, use.ruleIndex))) {
            const key2 = c.rule ? `${c.rule.dr.namespace}/${c.rule.dr.name}/${c.mode}` : c.mode;
            const g = groups.get(key2) ?? { first: c, workloads: [], services: [], views: [] };
            groups.set(key2, g);
            if (!g.workloads.includes(w)) g.workloads.push(w);
            const service = `${c.service.namespace}/${c.service.name}`;
            if (!g.services.includes(service)) g.services.push(service);
            g.views.push(...c.views);
          }
        }
        for (const g of groups.values()) {
          const c = g.first;
          const one = g.workloads.length === 1;
          const host = model.hostOf(c.service);
          context.report({
            at: { resource: p.resource, path: use.at.path, part: use.at.part },
            messageId: "identityWithoutClientMtls",
            data: {
              name: p.name,
              field: fieldLabel(use),
              clients: describeClients(g.views),
              services: `Service ${g.services.slice(0, 3).join(", ")}${g.services.length > 3 ? ` and ${g.services.length - 3} more` : ""}`,
              how: how(c),
              workloads: describe4(g.workloads),
              see: one ? "sees" : "see",
              consequence: consequence4(p, use),
              fix: c.rule ? `Set tls.mode ISTIO_MUTUAL in DestinationRule ${c.rule.dr.namespace}/${c.rule.dr.name} (or drop its tls), or match these callers by ipBlocks.` : `Add a DestinationRule for ${host} with tls.mode ISTIO_MUTUAL, or turn auto mTLS on.`
            },
            suggest: c.rule ? [{ desc: `Set tls.mode ISTIO_MUTUAL in DestinationRule ${c.rule.dr.namespace}/${c.rule.dr.name}`, fix: "spec:\n  trafficPolicy:\n    tls:\n      mode: ISTIO_MUTUAL\n" }] : [{ desc: `Add a DestinationRule for ${host} with tls.mode ISTIO_MUTUAL`, fix: `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: ${c.service.name}-istio-mutual
  namespace: ${c.service.namespace}
spec:
  host: ${host}
  trafficPolicy:
    tls:
      mode: ISTIO_MUTUAL
` }],
            related: c.rule && c.path ? [{ at: { resource: c.rule.dr.resource, path: [...c.path] }, message: `DestinationRule ${c.rule.dr.namespace}/${c.rule.dr.name} sets tls.mode ${c.mode} for ${host}` }] : void 0,
            assumptions: uniqueAssumptions([...model.assumptionsOf(g.workloads), ...clientAssumptions(model, g.views)])
          });
        }
      }
    };
    return {
      AuthorizationPolicy(p) {
        if (ignored2.has(p.namespace)) return;
        if (p.targetRefs.length > 0 || p.dryRun) return;
        const uses = sourceFieldUses(p, FIELDS2);
        if (uses.length === 0) return;
        const disabled = /* @__PURE__ */ new Map();
        const noProxy = [];
        const selected = model.policyWorkloads(p);
        for (const w of selected) {
          const v = verdict(w);
          if (v === "no-proxy") noProxy.push(w);
          else if (v) disabled.set(v, [...disabled.get(v) ?? [], w]);
        }
        for (const [pa, ws] of disabled) {
          for (const use of uses) {
            const related = [
              {
                at: { resource: pa.resource, path: ["spec", "mtls", "mode"] },
                message: `PeerAuthentication ${pa.namespace}/${pa.name} disables mTLS ${pa.selector && Object.keys(pa.selector).length > 0 ? "for the workloads it selects" : pa.namespace === model.rootNamespace ? "mesh-wide" : `in namespace "${pa.namespace}"`}: callers reach ${describe4(ws)} in plaintext, with no identity`
              }
            ];
            context.report({
              at: { resource: p.resource, path: use.at.path, part: use.at.part },
              messageId: "identityWithoutMtls",
              data: { name: p.name, field: fieldLabel(use), peerAuthentication: `${pa.namespace}/${pa.name}`, workloads: describe4(ws), consequence: consequence4(p, use) },
              suggest: [{ desc: `Set mTLS to STRICT in PeerAuthentication ${pa.namespace}/${pa.name}`, fix: "spec:\n  mtls:\n    mode: STRICT\n" }],
              related,
              assumptions: model.assumptionsOf(ws)
            });
          }
        }
        reportClientsWithoutIdentity(p, uses, selected.filter((w) => verdict(w) === void 0 && hasSidecar(w) && !isIstioGatewayWorkload(w)));
        if (p.action === "DENY") reportPermissiveDeny(p, uses, selected, disabled);
        const explicit = p.selector !== void 0 && Object.keys(p.selector).length > 0;
        if (noProxy.length > 0 && (explicit || noProxy.length === selected.length)) {
          const use = uses[0];
          const one = noProxy.length === 1;
          const ns = noProxy[0].namespace;
          context.report({
            at: { resource: p.resource, path: use.at.path, part: use.at.part },
            messageId: "identityWithoutProxy",
            data: {
              name: p.name,
              fields: [...new Set(uses.map(fieldLabel))].join(" and "),
              need: uses.length > 1 ? "need" : "needs",
              workloads: describe4(noProxy),
              have: one ? "has" : "have",
              are: one ? "is" : "are",
              them: one ? "it" : "them"
            },
            suggest: [
              { desc: `Enrol namespace "${ns}" in ambient mode`, fix: `apiVersion: v1
kind: Namespace
metadata:
  name: ${ns}
  labels:
    istio.io/dataplane-mode: ambient
` },
              { desc: `Inject sidecars in namespace "${ns}" (then restart its pods)`, fix: `apiVersion: v1
kind: Namespace
metadata:
  name: ${ns}
  labels:
    istio-injection: enabled
` }
            ],
            related: noProxy.slice(0, 3).map((w) => ({ at: { resource: w.resource, path: w.podMetadataPath, part: "key" }, message: `pods of ${workloadLabel5(w)}: ${w.dataplane.reason}` }))
          });
        }
      }
    };
  }
});

// rules/target-port-not-found/index.ts
var describe5 = (ws) => listText(ws.map((w) => `${w.kind} ${w.namespace}/${w.name}`), 3);
var target_port_not_found_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A Service port sends to a named targetPort that the containers of its pods do not name: those pods are not its endpoints.",
      url: docsUrl("target-port-not-found"),
      recommended: true,
      aliases: ["KIA0701"],
      tags: ["kubernetes"]
    },
    messages: {
      noPodNamesPort: 'Service "{{service}}" port {{port}} sends to targetPort "{{name}}", which no container of {{workloads}} names: Kubernetes lists none of their pods as endpoints of that port{{consequence}}. Name the container port "{{name}}", or give targetPort its number.',
      somePodsLackPort: `Service "{{service}}" port {{port}} sends to targetPort "{{name}}", which no container of {{missing}} names: Kubernetes leaves their pods out of that port's endpoints, so only {{serving}} {{serve}} it. Name the container port "{{name}}" there too, or give targetPort its number.`
    },
    schema: [],
    defaultSeverity: "error",
    reads: reads(READS.workloads)
  },
  create(context) {
    const model = context.model;
    return {
      Service(s) {
        const pods = model.servicePods(s).filter((w) => !w.knative);
        if (pods.length === 0) return;
        for (const p of s.ports) {
          const name = p.targetPort;
          if (typeof name !== "string" || name === "" || /^\d+$/.test(name)) continue;
          const missing = pods.filter((w) => !w.ports.some((c) => c.name === name));
          if (missing.length === 0) continue;
          const serving = pods.filter((w) => !missing.includes(w));
          context.report({
            at: { resource: s.resource, path: ["spec", "ports", p.index, "targetPort"] },
            messageId: serving.length === 0 ? "noPodNamesPort" : "somePodsLackPort",
            data: {
              service: `${s.namespace}/${s.name}`,
              port: p.port,
              name,
              workloads: describe5(missing),
              missing: describe5(missing),
              serving: describe5(serving),
              serve: serving.length === 1 ? "serves" : "serve",
              // Closed world only where we know it: other pods of the namespace may name the port.
              consequence: model.knowsWorkloadsOf(s.namespace) ? ", so its requests find no backend" : ""
            },
            related: missing.slice(0, 3).map((w) => ({ at: { resource: w.resource, path: w.podMetadataPath, part: "key" }, message: `pods of ${w.kind} ${w.namespace}/${w.name}: container ports ${w.ports.map((c) => c.name ?? String(c.port)).join(", ") || "none"}` }))
          });
        }
      }
    };
  }
});

// rules/telemetry-conflicts/index.ts
var SELECTOR3 = ["spec", "selector"];
var label5 = (t) => `"${t.namespace}/${t.name}"`;
var hasLabels = (t) => t.selector !== void 0 && Object.keys(t.selector).length > 0;
var namespaceWide = (t) => !hasLabels(t) && t.targetRefs.length === 0;
function reportNamespaceWide(context, list) {
  if (list.length < 2) return;
  for (const t of list) {
    const others = list.filter((o) => o !== t);
    context.report({
      at: { resource: t.resource, path: ["metadata", "name"] },
      messageId: "severalNamespaceWide",
      data: {
        name: t.name,
        others: listText(others.map(label5)),
        scope: t.namespace === context.model.rootNamespace ? `the mesh-wide default (root namespace ${t.namespace})` : `namespace ${t.namespace}'s default`
      },
      related: others.map((o) => ({ at: { resource: o.resource, path: ["metadata", "name"] }, message: `Telemetry ${o.namespace}/${o.name} has no selector or targetRefs either` }))
    });
  }
}
function reportOverlaps2(context, selecting) {
  const byWorkload = /* @__PURE__ */ new Map();
  for (const t of selecting) {
    for (const w of context.model.policyWorkloads(t, false)) {
      const list = byWorkload.get(w);
      if (list) list.push(t);
      else byWorkload.set(w, [t]);
    }
  }
  const reported = /* @__PURE__ */ new Set();
  for (const [w, list] of byWorkload) {
    if (list.length < 2 || w.dataplane.mode === "ambient") continue;
    for (const t of list) {
      if (reported.has(t)) continue;
      reported.add(t);
      const others = list.filter((o) => o !== t);
      const workload = `${w.kind} ${w.namespace}/${w.name}`;
      context.report({
        at: { resource: t.resource, path: SELECTOR3, part: "key" },
        messageId: "overlappingSelectors",
        data: { name: t.name, workload, others: listText(others.map(label5)) },
        related: others.map((o) => ({ at: { resource: o.resource, path: SELECTOR3, part: "key" }, message: `Telemetry ${o.namespace}/${o.name} also selects ${workload}` })),
        assumptions: context.model.assumptionsOf([w])
      });
    }
  }
}
var telemetry_conflicts_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "Telemetries that compete for the same proxies: several namespace-wide ones in a namespace (istiod uses the oldest), or selectors that pick the same workload (merged by creation time).",
      url: docsUrl("telemetry-conflicts"),
      recommended: true,
      aliases: ["IST0159", "IST0160"],
      tags: ["telemetry"]
    },
    messages: {
      severalNamespaceWide: 'Telemetry "{{name}}" has no selector or targetRefs, nor has Telemetry {{others}}: istiod uses only the oldest of them as {{scope}} and ignores the others, so which metrics, access logs and tracing apply depends on creation order. Merge them into one, or give all but one a selector.',
      overlappingSelectors: 'Telemetry "{{name}}" selects {{workload}}, as does Telemetry {{others}}: istiod applies all of them, the later-created overriding the earlier where they configure the same metrics, access logs or tracing, so the result depends on creation order. Merge them, or make their selectors pick different workloads.'
    },
    schema: [],
    defaultSeverity: "warn",
    reads: reads(READS.workloads)
  },
  create(context) {
    const byNamespace = /* @__PURE__ */ new Map();
    return {
      Telemetry(t) {
        const list = byNamespace.get(t.namespace);
        if (list) list.push(t);
        else byNamespace.set(t.namespace, [t]);
      },
      "Mesh:exit"() {
        for (const list of byNamespace.values()) {
          reportNamespaceWide(context, list.filter(namespaceWide));
          reportOverlaps2(context, list.filter((t) => hasLabels(t) && t.targetRefs.length === 0));
        }
      }
    };
  }
});

// rules/telemetry-missing-provider/index.ts
var telemetry_missing_provider_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A Telemetry's access logging names no provider, and the mesh config has no default access-logging provider: the entry enables no access log and its filter is never applied.",
      url: docsUrl("telemetry-missing-provider"),
      recommended: true,
      aliases: ["IST0157"],
      tags: ["telemetry"]
    },
    messages: {
      noProvider: 'Telemetry "{{name}}" has an access-logging entry that names no provider, and {{meshConfig}} sets no meshConfig.defaultProviders.accessLogging: istiod finds no provider for the entry, so it enables no access log of its own and its filter is never applied. Name a provider (e.g. providers: [{name: envoy}]), or set defaultProviders.accessLogging in the mesh config.'
    },
    schema: [],
    defaultSeverity: "warn",
    reads: []
  },
  create(context) {
    const mesh = context.model.mesh;
    const defaults = mesh.defaultAccessLogProviders ?? (mesh.complete ? [] : void 0);
    if (defaults === void 0 || defaults.length > 0) return {};
    const source = mesh.sources.defaultAccessLogProviders;
    const meshConfig = source ? `the mesh config (${source.resource.kind} ${source.resource.namespace}/${source.resource.name})` : "Istio's default mesh config (the input holds no other)";
    return {
      Telemetry(t) {
        const entries2 = Array.isArray(t.spec.accessLogging) ? t.spec.accessLogging : [];
        entries2.forEach((entry, i) => {
          if (!isRecord(entry)) return;
          if (entry.disabled === true) return;
          if (Array.isArray(entry.providers) && entry.providers.length > 0) return;
          context.report({
            at: { resource: t.resource, path: ["spec", "accessLogging", i, ...Array.isArray(entry.providers) ? ["providers"] : []] },
            messageId: "noProvider",
            data: { name: t.name, meshConfig },
            related: source ? [{ at: { resource: source.resource, path: source.path }, message: "the mesh config, without defaultProviders.accessLogging" }] : void 0
          });
        });
      }
    };
  }
});

// rules/tls-mode-conflict/index.ts
var MAX_SUGGESTIONS = 3;
function whatClientsSend(mode) {
  switch (mode) {
    case "DISABLE":
      return "send plaintext";
    case "SIMPLE":
      return "send TLS without a client certificate (SIMPLE), not Istio mTLS";
    case "MUTUAL":
      return "send TLS with the rule's own certificates (MUTUAL), not their Istio identity";
    default:
      return `use tls.mode ${mode}`;
  }
}
function fixRule(name, ns, host, mode) {
  return ["apiVersion: networking.istio.io/v1", "kind: DestinationRule", "metadata:", `  name: ${name}`, `  namespace: ${ns}`, "spec:", `  host: "${host}"`, "  trafficPolicy:", "    tls:", `      mode: ${mode}`, ""].join("\n");
}
function suggestion(model, c, want) {
  const dr = c.rule.dr;
  const out = [];
  const hosts = new Set([...c.targets.values()].map((t) => model.hostOf(t.service)));
  const specific = hosts.size === 1 && hosts.has(c.rule.host);
  if (specific) {
    const portEntry = c.path.includes("portLevelSettings");
    out.push({
      desc: `Set tls.mode ${want} in DestinationRule ${dr.namespace}/${dr.name}${portEntry ? " (its portLevelSettings entry)" : ""}`,
      fix: portEntry ? ["spec:", "  trafficPolicy:", "    portLevelSettings:", `    - port:`, `        number: ${[...c.targets.values()][0].port.port}`, "      tls:", `        mode: ${want}`, ""].join("\n") : ["spec:", "  trafficPolicy:", "    tls:", `      mode: ${want}`, ""].join("\n")
    });
  } else {
    for (const t of c.targets.values()) {
      const ns = t.tls.lookup.step === "root-namespace" ? t.service.namespace : c.rule.dr.namespace;
      const host = model.hostOf(t.service);
      const fix = fixRule(`${t.service.name}-${want === "DISABLE" ? "plaintext" : "istio-mutual"}`, ns, host, want);
      if (out.some((s) => s.fix === fix)) continue;
      out.push({ desc: `Add a DestinationRule for ${host} with tls.mode ${want} in namespace ${ns}, where the lookup finds it before "${c.rule.host}"`, fix });
    }
    if (out.length > MAX_SUGGESTIONS) {
      const rest = out.length - MAX_SUGGESTIONS;
      out.length = MAX_SUGGESTIONS;
      out[MAX_SUGGESTIONS - 1] = { ...out[MAX_SUGGESTIONS - 1], desc: `${out[MAX_SUGGESTIONS - 1].desc} (and the same for ${rest} more host${rest === 1 ? "" : "s"})` };
    }
  }
  return out;
}
function paNames(targets) {
  return [...new Set(targets.flatMap((t) => t.backends.flatMap((b) => b.mtls.decidedBy ? [`${b.mtls.decidedBy.namespace}/${b.mtls.decidedBy.name}`] : [])))];
}
function targetRelated(model, targets, kind) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const t of targets) {
    for (const b of t.backends) {
      const pa = b.mtls.decidedBy;
      if (!pa) continue;
      const key2 = `${pa.namespace}/${pa.name}`;
      if (seen.has(key2)) continue;
      seen.add(key2);
      const pods = describeWorkloads(t.backends.filter((x) => x.mtls.decidedBy === pa).map((x) => x.workload));
      out.push({ at: { resource: pa.resource, path: mtlsPath(b.mtls, b.targetPort) }, message: `${describePa(model, b.mtls)} sets mTLS ${kind === "plaintext-to-strict" ? "STRICT" : "DISABLE"} here, for ${pods}` });
    }
    for (const w of t.plain.slice(0, 3)) {
      const key2 = `${w.kind}/${w.namespace}/${w.name}`;
      if (seen.has(key2)) continue;
      seen.add(key2);
      out.push({ at: { resource: w.resource, path: w.podMetadataPath, part: "key" }, message: `pods of ${w.kind} ${w.namespace}/${w.name}, without a sidecar: ${w.dataplane.reason}` });
    }
  }
  return out.slice(0, 5);
}
var TO_STRICT = "for {{ports}}, which {{isAre}} STRICT (PeerAuthentication {{policies}}): {{clients}} {{send}}, and every request is reset (503). Set tls.mode ISTIO_MUTUAL{{dropTls}}, or make {{thosePorts}} PERMISSIVE.";
var TO_PLAINTEXT = "DestinationRule {{rule}}{{host}}{{where}} sets tls.mode ISTIO_MUTUAL for {{ports}}, whose pods have";
var UNREADABLE = "{{clients}} send Istio mTLS the application cannot read, and every request fails (503). Use tls.mode DISABLE{{dropTls}}";
var tls_mode_conflict_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A DestinationRule tls.mode that the destination pods cannot accept: DISABLE, SIMPLE or MUTUAL toward STRICT mTLS workloads, or ISTIO_MUTUAL toward pods with mTLS DISABLE or without a sidecar.",
      url: docsUrl("tls-mode-conflict"),
      recommended: true,
      aliases: ["KIA0207", "KIA0208", "KIA0505", "KIA0506"],
      tags: ["security", "mtls", "sidecar"]
    },
    messages: {
      plaintextToStrict: `DestinationRule {{rule}}{{host}}{{where}} sets tls.mode {{mode}} ${TO_STRICT}`,
      tlsWithoutModeToStrict: `DestinationRule {{rule}}{{host}}{{where}} has tls without a mode (DISABLE) ${TO_STRICT}`,
      mtlsToDisabled: `${TO_PLAINTEXT} mTLS DISABLE (PeerAuthentication {{policies}}): ${UNREADABLE}, or make the pods PERMISSIVE.`,
      mtlsToNoSidecar: `${TO_PLAINTEXT} no sidecar ({{workloads}}): ${UNREADABLE}, or give the pods a sidecar.`,
      mtlsToDisabledOrNoSidecar: `${TO_PLAINTEXT} mTLS DISABLE (PeerAuthentication {{policies}}) or no sidecar ({{workloads}}): ${UNREADABLE}, or give the pods a sidecar.`
    },
    schema: [],
    hasSuggestions: true,
    defaultSeverity: "error",
    reads: reads(READS.services, READS.clientViews, READS.peerAuthentications, READS.destinationRules)
  },
  create(context) {
    const model = context.model;
    if (model.destinationRules.length === 0) return {};
    const conflicts = /* @__PURE__ */ new Map();
    const add = (kind, v, target) => {
      const at3 = v.tls.decidedAt;
      if (!at3 || v.tls.mode === void 0) return;
      const key2 = `${kind}|${at3.rule.dr.namespace}/${at3.rule.dr.name}|${at3.path.join(".")}`;
      let c = conflicts.get(key2);
      if (!c) conflicts.set(key2, c = { kind, rule: at3.rule, path: at3.path, mode: v.tls.mode, clients: /* @__PURE__ */ new Map(), targets: /* @__PURE__ */ new Map() });
      c.clients.set(viewKey(v), v);
      const tk = `${target.service.namespace}/${target.service.name}:${target.port.port}`;
      if (!c.targets.has(tk)) c.targets.set(tk, { ...target, tls: v.tls });
    };
    return {
      Service(s) {
        for (const p of s.ports) {
          const backends = sidecarBackends(model, s, p);
          const strict = backends.filter((b) => b.mtls.mode === "STRICT");
          const disabled = backends.filter((b) => b.mtls.mode === "DISABLE");
          const plain = plainBackends(model, s);
          if (strict.length === 0 && disabled.length === 0 && plain.length === 0) continue;
          for (const v of clientViews(model, s, p, (tls) => tls.mode !== void 0)) {
            const mode = v.tls.mode;
            if (mode === "ISTIO_MUTUAL") {
              if (disabled.length > 0 || plain.length > 0) add("mtls-to-plaintext", v, { service: s, port: p, backends: disabled, plain });
            } else if (strict.length > 0) {
              add("plaintext-to-strict", v, { service: s, port: p, backends: strict, plain: [] });
            }
          }
        }
      },
      // One report per DestinationRule node, naming every Service port it breaks: only known once
      // all Services are seen.
      "Mesh:exit"() {
        for (const c of conflicts.values()) report(c);
      }
    };
    function report(c) {
      const dr = c.rule.dr;
      const targets = [...c.targets.values()];
      const one = targets.length === 1;
      const data = {
        rule: `${dr.namespace}/${dr.name}`,
        host: one && model.hostOf(targets[0].service) === c.rule.host ? "" : ` (host "${c.rule.host}")`,
        where: c.path.includes("portLevelSettings") ? `'s port ${targets[0].port.port} entry` : "",
        ports: listText(targets.map((t) => `${t.service.namespace}/${t.service.name}:${t.port.port}`), 3),
        policies: listText(paNames(targets), 2),
        clients: describeClients([...c.clients.values()]),
        dropTls: model.mesh.enableAutoMtls ? " (or drop tls)" : ""
      };
      const common = {
        at: { resource: dr.resource, path: c.path },
        assumptions: model.assumptionsOf([...targets.flatMap((t) => [...t.backends.map((b) => b.workload), ...t.plain]), ...clientAssumptions(model, [...c.clients.values()])]),
        related: targetRelated(model, targets, c.kind)
      };
      if (c.kind === "plaintext-to-strict") {
        context.report({
          ...common,
          messageId: c.path[c.path.length - 1] === "tls" ? "tlsWithoutModeToStrict" : "plaintextToStrict",
          data: { ...data, mode: c.mode, isAre: one ? "is" : "are", send: whatClientsSend(c.mode), thosePorts: one ? "that port" : "those ports" },
          suggest: suggestion(model, c, "ISTIO_MUTUAL")
        });
      } else {
        const plain = targets.flatMap((t) => t.plain);
        const disabled = targets.some((t) => t.backends.length > 0);
        context.report({
          ...common,
          messageId: plain.length === 0 ? "mtlsToDisabled" : disabled ? "mtlsToDisabledOrNoSidecar" : "mtlsToNoSidecar",
          data: { ...data, workloads: plain.length > 0 ? describeWorkloads(plain) : void 0 },
          suggest: suggestion(model, c, "DISABLE")
        });
      }
    }
  }
});

// rules/undeclared-access/index.ts
function principalEntries(p) {
  const out = [];
  arr(p.rules).forEach((rule, ri) => {
    if (!isRecord(rule)) return;
    arr(rule.from).forEach((from, fi) => {
      const source = isRecord(from) && isRecord(from.source) ? from.source : void 0;
      arr(source?.principals).forEach((v, k) => {
        if (typeof v === "string" && !v.includes("*")) out.push({ principal: v.replace(/^spiffe:\/\//, ""), path: ["spec", "rules", ri, "from", fi, "source", "principals", k] });
      });
    });
  });
  return out;
}
function label6(w) {
  return `${w.kind} ${w.namespace}/${w.name}`;
}
function declared(model, client, server) {
  return model.intentOutcomesOf(client).some((o) => o.servers.includes(server));
}
var undeclared_access_default = defineRule({
  meta: {
    type: "suggestion",
    docs: {
      description: "A hand-written ALLOW policy lets a client reach a server that no ClientIntents of the client names (for teams that keep ClientIntents the single source of truth; off by default).",
      url: docsUrl("undeclared-access"),
      recommended: false,
      tags: ["otterize", "authorization"]
    },
    messages: {
      undeclared: `AuthorizationPolicy "{{name}}" admits {{client}} ("{{principal}}") to {{servers}}, which no ClientIntents of that client declares: access granted here is invisible to Otterize. Declare the call in the client's ClientIntents and drop this entry.`
    },
    schema: [],
    defaultSeverity: "warn",
    reads: reads(READS.access, READS.intents, READS.identities)
  },
  create(context) {
    const model = context.model;
    if (model.clientIntents.length === 0) return {};
    return {
      AuthorizationPolicy(p) {
        if (p.generatedBy || p.action !== "ALLOW" || p.targetRefs.length > 0 || p.dryRun) return;
        const servers = model.policyWorkloads(p);
        if (servers.length === 0) return;
        for (const e of principalEntries(p)) {
          for (const owner of model.ownersOf(e.principal)) {
            const client = owner.workload;
            if (!client) continue;
            const reached = servers.filter((s) => {
              if (s === client || declared(model, client, s)) return false;
              const d = model.checkAccess({ from: { kind: "workload", workload: client }, to: { workload: s } });
              return d.decision === "ALLOW" && d.policyDecision?.decidedBy?.policy === p;
            });
            if (reached.length === 0) continue;
            context.report({
              at: { resource: p.resource, path: e.path },
              messageId: "undeclared",
              data: { name: p.name, client: label6(client), principal: e.principal, servers: listText(reached.map(label6), 3) }
            });
          }
        }
      }
    };
  }
});

// rules/unknown-http-method/index.ts
var HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"];
function matchesSome(value, known2) {
  if (value === "*") return true;
  if (value.startsWith("*")) return known2.some((m) => m.endsWith(value.slice(1)));
  if (value.endsWith("*")) return known2.some((m) => m.startsWith(value.slice(0, -1)));
  return known2.includes(value);
}
function grpcPath(value) {
  const m = /^\/?([A-Za-z_][\w.]*\.[A-Za-z_]\w*|[A-Za-z_]\w*)\/([A-Za-z_]\w*)$/.exec(value);
  return m ? `/${m[1]}/${m[2]}` : void 0;
}
var DEFAULT_OPTIONS3 = { extraMethods: [] };
var unknown_http_method_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "An AuthorizationPolicy lists in `methods` a value no HTTP request has: a gRPC method name, a lower-case method, or no method at all.",
      url: docsUrl("unknown-http-method"),
      recommended: true,
      aliases: ["KIA0102"],
      tags: ["security", "authorization"]
    },
    messages: {
      grpcMethod: 'AuthorizationPolicy "{{name}}": "{{value}}" in "{{field}}" is a gRPC method, but every gRPC call has the HTTP method POST, so it matches no request{{consequence}}. Match the gRPC method by "{{pathField}}": "{{path}}".',
      lowercaseMethod: `AuthorizationPolicy "{{name}}": "{{value}}" in "{{field}}" never equals a request's method, which is compared case-sensitively: clients send "{{upper}}"{{consequence}}. Use "{{upper}}".`,
      unknownMethod: `AuthorizationPolicy "{{name}}": "{{value}}" in "{{field}}" matches no HTTP method ({{known}}){{consequence}}. Use one of those, or list a method your clients do send in the rule's extraMethods option.`
    },
    schema: [
      {
        type: "object",
        properties: {
          extraMethods: { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true, description: "Methods beyond the standard ones that clients send (WebDAV's PROPFIND, a cache's PURGE)." }
        },
        additionalProperties: false
      }
    ],
    defaultOptions: [DEFAULT_OPTIONS3],
    hasSuggestions: true,
    defaultSeverity: "warn",
    reads: []
  },
  create(context) {
    const known2 = [...HTTP_METHODS, ...(context.options[0] ?? DEFAULT_OPTIONS3).extraMethods];
    const check3 = (p, path, values, negative) => {
      values.forEach((value, i) => {
        if (typeof value !== "string" || matchesSome(value, known2)) return;
        const only = values.length === 1;
        const consequence6 = negative ? ", so it excludes nothing" : only ? `, so the operation it belongs to matches no request and this rule ${p.action === "DENY" ? "denies" : "admits"} nothing through it` : "";
        const base = { name: p.name, value, field: negative ? "notMethods" : "methods", consequence: consequence6 };
        const at3 = { resource: p.resource, path: [...path, i] };
        const grpc = grpcPath(value);
        const upper = value.toUpperCase();
        if (grpc) {
          context.report({ at: at3, messageId: "grpcMethod", data: { ...base, path: grpc, pathField: negative ? "notPaths" : "paths" } });
        } else if (upper !== value && matchesSome(upper, known2)) {
          const list = values.map((v, j) => `- ${JSON.stringify(j === i ? upper : v)}`).join("\n");
          context.report({ at: at3, messageId: "lowercaseMethod", data: { ...base, upper }, suggest: [{ desc: `Use "${upper}"`, fix: `${base.field}:
${list}
` }] });
        } else {
          context.report({ at: at3, messageId: "unknownMethod", data: { ...base, known: known2.join(", ") } });
        }
      });
    };
    return {
      AuthorizationPolicy(p) {
        arr(p.rules).forEach((rule, r) => {
          if (!isRecord(rule)) return;
          arr(rule.to).forEach((to, t) => {
            const op = isRecord(to) && isRecord(to.operation) ? to.operation : void 0;
            if (!op) return;
            const base = ["spec", "rules", r, "to", t, "operation"];
            check3(p, [...base, "methods"], arr(op.methods), false);
            check3(p, [...base, "notMethods"], arr(op.notMethods), true);
          });
        });
      }
    };
  }
});

// rules/unknown-namespace/index.ts
var BUILTIN_NAMESPACES = ["default", "kube-system", "kube-public", "kube-node-lease"];
var IMPLIED_BY_GROUP = {
  "serving.knative.dev": "knative-serving",
  "eventing.knative.dev": "knative-eventing"
};
function impliedNamespaces(model) {
  const out = /* @__PURE__ */ new Set();
  for (const r of model.resources) {
    const ns = IMPLIED_BY_GROUP[r.group];
    if (ns) out.add(ns);
  }
  return [...out];
}
var FIELDS3 = {
  source: [
    ["namespaces", false],
    ["notNamespaces", true]
  ],
  when: ["source.namespace"]
};
function clusterNamespaces(model, knownNamespaces) {
  const always = /* @__PURE__ */ new Set([...BUILTIN_NAMESPACES, model.rootNamespace, ...impliedNamespaces(model), ...knownNamespaces]);
  if (model.mesh.complete) return [.../* @__PURE__ */ new Set([...model.namespaces.keys(), ...always])].sort();
  const declared2 = [];
  for (const info of model.namespaces.values()) {
    if (info.resource) declared2.push(info.name);
    else if (!always.has(info.name)) return void 0;
  }
  if (declared2.length === 0) return void 0;
  return [.../* @__PURE__ */ new Set([...declared2, ...always])].sort();
}
function declaredText(names3) {
  const shown = names3.slice(0, 4).map((n) => `"${n}"`);
  return names3.length > 4 ? `${shown.join(", ")} and ${names3.length - 4} more` : shown.join(", ");
}
function grantSources(r) {
  const spec = isRecord(r.raw.spec) ? r.raw.spec : {};
  return arr(spec.from).flatMap(
    (f, i) => isRecord(f) && typeof f.namespace === "string" && f.namespace ? [{ kind: typeof f.kind === "string" ? f.kind : "objects", namespace: f.namespace, path: ["spec", "from", i, "namespace"] }] : []
  );
}
var unknown_namespace_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "An AuthorizationPolicy names a source namespace (namespaces, notNamespaces, source.namespace), or a ReferenceGrant a from namespace, that the input does not declare.",
      url: docsUrl("unknown-namespace"),
      recommended: true,
      aliases: ["IST0101", "KIA0101", "KIA1601"],
      tags: ["correctness", "authorization"]
    },
    messages: {
      // {{field}}: `"namespaces"` or `the "source.namespace" condition`; {{consequence}}: what the
      // entry does to its rule (src/authz/fields.ts, noCallerConsequence).
      unknownNamespaceTypo: 'AuthorizationPolicy "{{name}}" names namespace "{{namespace}}", which is not a namespace the input declares ({{basis}}): in {{field}} {{consequence}}. Did you mean "{{suggestion}}"?',
      unknownNamespace: 'AuthorizationPolicy "{{name}}" names namespace "{{namespace}}", which is not a namespace the input declares ({{basis}}): in {{field}} {{consequence}}. Use one it declares ({{declared}}), or declare the namespace.',
      patternMatchesNothing: 'AuthorizationPolicy "{{name}}" names namespace pattern "{{namespace}}", which matches no namespace the input declares ({{basis}}): in {{field}} {{consequence}}. Use one it declares ({{declared}}), or declare the namespace.',
      unknownGrantNamespace: 'ReferenceGrant "{{name}}" lets {{kind}}s of namespace "{{namespace}}" refer to objects of namespace {{grantNamespace}}, but "{{namespace}}" is not a namespace the input declares ({{basis}}): the grant lets no existing route through, so the routes it was meant for stay refused (ResolvedRefs=False, RefNotPermitted). {{hint}}'
    },
    schema: [
      {
        type: "object",
        properties: {
          knownNamespaces: { ...NAMESPACE_LIST, description: "Namespaces that exist although the input does not declare them (created by `helm install --create-namespace`, or by another team's tree)." },
          ignoreNamespaces: { ...NAMESPACE_LIST, description: "AuthorizationPolicies and ReferenceGrants in these namespaces are not checked." }
        },
        additionalProperties: false
      }
    ],
    defaultOptions: [{ knownNamespaces: [], ignoreNamespaces: [] }],
    hasSuggestions: true,
    defaultSeverity: "error"
  },
  create(context) {
    const options = context.options[0] ?? {};
    const { knownNamespaces = [], ignoreNamespaces = [] } = options;
    const namespaces = clusterNamespaces(context.model, knownNamespaces);
    if (!namespaces) return {};
    const ignored2 = new Set(ignoreNamespaces);
    const complete = context.model.mesh.complete;
    const declared2 = declaredText(complete ? namespaces : namespaces.filter((n) => context.model.namespaces.get(n)?.resource));
    const basis = complete ? "the input is the whole cluster, --complete" : "it declares every namespace it uses";
    const known2 = new Set(namespaces);
    const patterns = /* @__PURE__ */ new Map();
    const exists = (pattern2) => {
      if (!pattern2.includes("*")) return known2.has(pattern2);
      let found = patterns.get(pattern2);
      if (found === void 0) patterns.set(pattern2, found = namespaces.some((ns) => matchNamespacePattern(pattern2, ns)));
      return found;
    };
    return {
      // ReferenceGrants are no model kind (src/model/model.ts indexes Istio's kinds and Gateways).
      "Mesh:exit"() {
        for (const r of context.model.resources) {
          if (r.kind !== "ReferenceGrant" || r.group !== "gateway.networking.k8s.io" || ignored2.has(r.namespace)) continue;
          for (const from of grantSources(r)) {
            if (known2.has(from.namespace)) continue;
            const near = closest(from.namespace, namespaces);
            context.report({
              at: { resource: r, path: from.path },
              messageId: "unknownGrantNamespace",
              data: { name: r.name, kind: from.kind, namespace: from.namespace, grantNamespace: r.namespace, basis, hint: near ? `Did you mean "${near}"?` : `Use one it declares (${declared2}), or declare the namespace.` },
              suggest: near ? [{ desc: `Replace "${from.namespace}" with "${near}"`, fix: `namespace: ${near}
` }] : void 0
            });
          }
        }
      },
      AuthorizationPolicy(p) {
        if (ignored2.has(p.namespace)) return;
        for (const use of sourceFieldUses(p, FIELDS3, true)) {
          for (const entry of use.values) {
            if (exists(entry.value)) continue;
            const wildcard = entry.value.includes("*");
            const near = wildcard ? void 0 : closest(entry.value, namespaces);
            context.report({
              at: { resource: p.resource, path: entry.path },
              messageId: wildcard ? "patternMatchesNothing" : near ? "unknownNamespaceTypo" : "unknownNamespace",
              data: { name: p.name, namespace: entry.value, field: fieldLabel(use), consequence: noCallerConsequence(p, use), suggestion: near, declared: declared2, basis },
              suggest: near ? [
                {
                  desc: `Replace "${entry.value}" with "${near}"`,
                  fix: `${use.whenIndex === void 0 ? use.field : use.negative ? "notValues" : "values"}:
${use.values.map((v) => `- ${JSON.stringify(v === entry ? near : v.value)}`).join("\n")}
`
                }
              ] : void 0
            });
          }
        }
      }
    };
  }
});

// src/model/route-match.ts
var HTTP_FIELDS = /* @__PURE__ */ new Set(["name", "uri", "scheme", "method", "authority", "headers", "withoutHeaders", "queryParams", "ignoreUriCase", "port", "sourceLabels", "gateways", "sourceNamespace", "statPrefix"]);
var TCP_FIELDS = /* @__PURE__ */ new Set(["destinationSubnets", "port", "sourceLabels", "gateways", "sourceNamespace"]);
var TLS_FIELDS = /* @__PURE__ */ new Set(["sniHosts", "destinationSubnets", "port", "sourceLabels", "gateways", "sourceNamespace"]);
function stringMatch(v) {
  if (!isRecord(v)) return void 0;
  const keys = Object.keys(v);
  if (keys.length === 0) return { kind: "present" };
  if (keys.length !== 1) return void 0;
  const kind = keys[0];
  const value = v[kind];
  if (!["exact", "prefix", "regex"].includes(kind) || typeof value !== "string") return void 0;
  return kind === "regex" && value === "*" ? { kind: "present" } : { kind, value };
}
function stringMatches(v, into, prefix = "") {
  if (v === void 0) return true;
  if (!isRecord(v)) return false;
  for (const [key2, m] of Object.entries(v)) {
    const parsed = stringMatch(m);
    if (!parsed) return false;
    into.set(prefix + key2, parsed);
  }
  return true;
}
function strings3(v) {
  return arr(v).filter((x) => typeof x === "string");
}
function toMatch(kind, m, path) {
  const o = isRecord(m) ? m : {};
  const fields = kind === "http" ? HTTP_FIELDS : kind === "tcp" ? TCP_FIELDS : TLS_FIELDS;
  let modelled = isRecord(m) && Object.keys(o).every((k) => fields.has(k));
  const headers = /* @__PURE__ */ new Map();
  const withoutHeaders = /* @__PURE__ */ new Map();
  const queryParams = /* @__PURE__ */ new Map();
  let uri;
  if (kind === "http") {
    for (const [field, header] of [["method", ":method"], ["scheme", ":scheme"], ["authority", ":authority"]]) {
      if (o[field] === void 0) continue;
      const parsed = stringMatch(o[field]);
      if (parsed) headers.set(header, parsed);
      else modelled = false;
    }
    modelled &&= stringMatches(o.headers, headers) && stringMatches(o.withoutHeaders, withoutHeaders) && stringMatches(o.queryParams, queryParams);
    if (o.uri !== void 0) {
      uri = stringMatch(o.uri);
      if (!uri || uri.kind === "present") modelled = false;
      else if (uri.kind === "prefix" && uri.value === "/" || uri.kind === "regex" && uri.value === ".*") uri = void 0;
    }
  }
  const port2 = o.port === void 0 ? void 0 : typeof o.port === "number" ? o.port : NaN;
  if (Number.isNaN(port2)) modelled = false;
  return {
    path,
    modelled,
    uri,
    ignoreUriCase: o.ignoreUriCase === true,
    headers,
    withoutHeaders,
    queryParams,
    gateways: strings3(o.gateways),
    sourceLabels: stringMap(o.sourceLabels),
    sourceNamespace: str(o.sourceNamespace) || void 0,
    port: port2,
    destinationSubnets: strings3(o.destinationSubnets),
    sniHosts: strings3(o.sniHosts)
  };
}
function routeRulesOf(spec) {
  if (!isRecord(spec)) return [];
  const rules = [];
  for (const kind of ["http", "tcp", "tls"]) {
    arr(spec[kind]).forEach((rule, index) => {
      if (!isRecord(rule)) return;
      const path = ["spec", kind, index];
      rules.push({
        kind,
        index,
        name: str(rule.name) || void 0,
        path,
        matches: arr(rule.match).map((m, j) => toMatch(kind, m, [...path, "match", j])),
        delegates: kind === "http" && rule.delegate !== void 0
      });
    });
  }
  return rules;
}
function hasCase(s) {
  return s.toLowerCase() !== s.toUpperCase();
}
function stringCovers(a, b, aIgnoreCase = false, bIgnoreCase = false) {
  if (!a) return true;
  if (!b) return false;
  if (a.kind === "present") return true;
  if (b.kind === "present") return false;
  if (a.kind === "regex") return a.value === ".*" || b.kind === "regex" && b.value === a.value && aIgnoreCase === bIgnoreCase;
  if (b.kind === "regex") return false;
  if (bIgnoreCase && !aIgnoreCase && hasCase(b.value)) return false;
  const [av, bv] = aIgnoreCase ? [a.value.toLowerCase(), b.value.toLowerCase()] : [a.value, b.value];
  return a.kind === "exact" ? b.kind === "exact" && av === bv : bv.startsWith(av);
}
function mapCovers(a, b) {
  return [...a].every(([k, m]) => stringCovers(m, b.get(k)));
}
function exclusionsCover(a, b) {
  return [...a].every(([k, m]) => b.has(k) && stringCovers(b.get(k), m));
}
function labelsCover(a, b) {
  return Object.entries(a).every(([k, v]) => b[k] === v);
}
function gatewaysOf(m, vsGateways) {
  return m.gateways.length > 0 ? m.gateways : vsGateways;
}
function sourceCovers(kind, a, b, vsGateways) {
  if (a.port !== void 0 && a.port !== b.port) return false;
  const aGateways = gatewaysOf(a, vsGateways);
  if (!gatewaysOf(b, vsGateways).every((g) => aGateways.includes(g))) return false;
  const bIgnoresSource = kind === "http" && b.gateways.length > 0;
  const aIgnoresSource = kind === "http" && a.gateways.length > 0;
  if (aIgnoresSource) return true;
  if (bIgnoresSource) return Object.keys(a.sourceLabels).length === 0 && a.sourceNamespace === void 0;
  return labelsCover(a.sourceLabels, b.sourceLabels) && (a.sourceNamespace === void 0 || a.sourceNamespace === b.sourceNamespace);
}
function sameList(a, b) {
  return a.length === b.length && [...a].sort().join("\n") === [...b].sort().join("\n");
}
function covers(kind, a, b, vsGateways) {
  if (!a) return true;
  if (!a.modelled || b && !b.modelled) return false;
  const bb = b ?? { ...a, ...EVERYTHING };
  if (!sourceCovers(kind, a, bb, vsGateways)) return false;
  if (kind === "tcp") return a.destinationSubnets.length === 0 || sameList(a.destinationSubnets, bb.destinationSubnets);
  if (kind === "tls") return sameList(a.sniHosts, bb.sniHosts) && sameList(a.destinationSubnets, bb.destinationSubnets);
  return stringCovers(a.uri, bb.uri, a.ignoreUriCase, bb.ignoreUriCase) && mapCovers(a.headers, bb.headers) && mapCovers(a.queryParams, bb.queryParams) && exclusionsCover(a.withoutHeaders, bb.withoutHeaders);
}
var EVERYTHING = {
  uri: void 0,
  ignoreUriCase: false,
  headers: /* @__PURE__ */ new Map(),
  withoutHeaders: /* @__PURE__ */ new Map(),
  queryParams: /* @__PURE__ */ new Map(),
  gateways: [],
  sourceLabels: {},
  sourceNamespace: void 0,
  port: void 0,
  destinationSubnets: [],
  sniHosts: []
};

// rules/unreachable-route/index.ts
function routeLabel(rule) {
  return `${rule.kind}[${rule.index}]${rule.name ? ` ("${rule.name}")` : ""}`;
}
function matchLabel(m) {
  return `match[${m.path[m.path.length - 1]}]`;
}
function earlierLabel(e) {
  return e.match ? `${matchLabel(e.match)} of ${routeLabel(e.rule)}` : `${routeLabel(e.rule)}, which has no match`;
}
var ROUTE_SEMANTICS = "internal.istio.io/route-semantics";
var unreachable_route_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A VirtualService route or match is never used: an earlier route of the same VirtualService takes every request it would match.",
      url: docsUrl("unreachable-route"),
      recommended: true,
      aliases: ["IST0130", "IST0131"],
      tags: ["correctness", "traffic"]
    },
    messages: {
      unreachableRoute: 'VirtualService "{{name}}" {{route}} is never used: every {{traffic}} it matches is taken first by {{earlier}}, since the proxy uses the first route that matches. Move it before {{first}}, or remove it.',
      ineffectiveMatch: 'VirtualService "{{name}}" {{route}} {{match}} is never used: every {{traffic}} it matches is taken first by {{earlier}}, since the proxy uses the first route that matches. Move the route before {{first}}, or remove the match.',
      redundantMatch: 'VirtualService "{{name}}" {{route}} {{match}} adds nothing: its {{earlier}} already matches every {{traffic}} it does. Remove it.'
    },
    schema: [],
    defaultSeverity: "warn",
    reads: []
  },
  create(context) {
    return {
      VirtualService(r) {
        const vs = context.model.virtualServiceOf(r);
        if (!vs || r.annotations[ROUTE_SEMANTICS] !== void 0) return;
        const vsGateways = vs.gateways.length > 0 ? vs.gateways.map((g) => g.name) : ["mesh"];
        const rules = routeRulesOf(r.raw.spec);
        for (const kind of ["http", "tcp", "tls"]) {
          const seen = [];
          const coverOf = (m) => seen.find((e) => !e.rule.delegates && covers(kind, e.match, m, vsGateways));
          for (const rule of rules.filter((x) => x.kind === kind)) {
            if (kind === "tls" && rule.matches.length === 0) continue;
            const covered = rule.matches.length === 0 ? [coverOf(void 0)] : rule.matches.map(coverOf);
            const name = vs.name;
            const traffic = kind === "http" ? "request" : "connection";
            const route = routeLabel(rule);
            if (covered.every((c) => c !== void 0)) {
              const by = [...new Set(covered.map((c) => earlierLabel(c)))];
              const first = routeLabel(covered.map((c) => c.rule).sort((a, b) => a.index - b.index)[0]);
              context.report({
                at: rule.matches.length > 0 ? { resource: r, path: [...rule.path, "match"], part: "key" } : { resource: r, path: rule.path },
                messageId: "unreachableRoute",
                data: { name, route, earlier: by.join(" and "), first, traffic }
              });
            } else {
              rule.matches.forEach((m, j) => {
                const c = covered[j];
                if (c) {
                  context.report({ at: { resource: r, path: m.path }, messageId: "ineffectiveMatch", data: { name, route, match: matchLabel(m), earlier: earlierLabel(c), first: routeLabel(c.rule), traffic } });
                  return;
                }
                const twin = rule.matches.slice(0, j).find((o) => covers(kind, o, m, vsGateways));
                if (twin) context.report({ at: { resource: r, path: m.path }, messageId: "redundantMatch", data: { name, route, match: matchLabel(m), earlier: matchLabel(twin), traffic } });
              });
            }
            if (rule.matches.length === 0) seen.push({ rule, match: void 0 });
            else for (const m of rule.matches) seen.push({ rule, match: m });
          }
        }
      }
    };
  }
});

// rules/use-waypoint-references/index.ts
var USE_WAYPOINT2 = "istio.io/use-waypoint";
var USE_WAYPOINT_NAMESPACE = "istio.io/use-waypoint-namespace";
var WAYPOINT_FOR = "istio.io/waypoint-for";
var TRAFFIC = {
  pods: "traffic addressed to its pods",
  service: "traffic to the Service",
  namespace: "traffic to its Services"
};
var ACCEPTS = {
  pods: ["workload", "all"],
  service: ["service", "all"],
  namespace: ["service", "all"]
};
function waypointForText(g) {
  const own = g.resource.labels[WAYPOINT_FOR];
  if (own !== void 0) return `${WAYPOINT_FOR}: ${own}`;
  if (g.waypointFor === "service") return `the default without ${WAYPOINT_FOR}`;
  return `${WAYPOINT_FOR} of its GatewayClass ${g.className}`;
}
var use_waypoint_references_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "istio.io/use-waypoint on a workload, Service or namespace names a waypoint the input does not hold, or one that does not serve that traffic: istiod binds no waypoint, so the traffic skips it.",
      url: docsUrl("use-waypoint-references"),
      recommended: true,
      aliases: ["KIA1313"],
      tags: ["ambient", "waypoint"]
    },
    messages: {
      notFound: '{{object}} names waypoint {{waypoint}} (istio.io/use-waypoint), but namespace {{waypointNamespace}} has no Gateway "{{name}}": istiod binds no waypoint, so {{traffic}} reaches the pods through ztunnel alone, and no policy or route attached to a waypoint applies to it.{{noFallback}} Fix the name, or create the waypoint (istioctl waypoint apply -n {{waypointNamespace}} --name {{name}}).',
      wrongTrafficType: "{{object}} names waypoint {{waypoint}} (istio.io/use-waypoint), but it serves {{serves}} traffic ({{why}}): istiod binds no waypoint, so {{traffic}} reaches the pods through ztunnel alone, and no policy or route attached to the waypoint applies to it. Label the waypoint istio.io/waypoint-for: all, or name a waypoint for {{wanted}} traffic."
    },
    schema: [],
    defaultSeverity: "warn",
    reads: reads(READS.gateways)
  },
  create(context) {
    const model = context.model;
    const check3 = (resource, labels, ns, labelsPath, object, bound) => {
      const name = labels[USE_WAYPOINT2];
      if (!name || name === "none") return;
      const wpNs = labels[USE_WAYPOINT_NAMESPACE] || ns;
      const at3 = { resource, path: [...labelsPath, USE_WAYPOINT2] };
      const data = { object, waypoint: `${wpNs}/${name}`, waypointNamespace: wpNs, name, traffic: TRAFFIC[bound] };
      const g = model.gateway(wpNs, name);
      if (!g) {
        if (!model.hasNamespace(wpNs)) return;
        const nsWaypoint = model.namespaceLabels(ns)[USE_WAYPOINT2];
        const overrides = bound !== "namespace" && nsWaypoint && nsWaypoint !== "none";
        const noFallback = overrides ? ` Its own label overrides namespace ${ns}'s ${USE_WAYPOINT2}, so the namespace's waypoint does not serve it either.` : "";
        context.report({ at: at3, messageId: "notFound", data: { ...data, noFallback } });
        return;
      }
      if (ACCEPTS[bound].includes(g.waypointFor)) return;
      context.report({
        at: at3,
        messageId: "wrongTrafficType",
        data: { ...data, serves: g.waypointFor === "none" ? "no" : `only ${g.waypointFor}`, why: waypointForText(g), wanted: bound === "pods" ? "workload" : "service" },
        related: [{ at: { resource: g.resource, path: ["metadata", "name"] }, message: `Gateway ${g.namespace}/${g.name}` }]
      });
    };
    return {
      Workload(w) {
        check3(w.resource, w.podLabels, w.namespace, [...w.podMetadataPath, "labels"], `${w.kind} ${w.namespace}/${w.name}`, "pods");
      },
      Service(s) {
        check3(s.resource, s.resource.labels, s.namespace, ["metadata", "labels"], `Service ${s.namespace}/${s.name}`, "service");
      },
      Namespace(ns) {
        if (ns.resource) check3(ns.resource, ns.labels, ns.name, ["metadata", "labels"], `Namespace ${ns.name}`, "namespace");
      }
    };
  }
});

// rules/virtualservice-host-conflict/index.ts
function sharedScope2(a, b) {
  if (a.has("*")) return b;
  if (b.has("*")) return a;
  return new Set([...a].filter((n) => b.has(n)));
}
function reportHost(context, host, claims) {
  const seenWith = claimsSeenWith(claims);
  for (const c of claims) {
    const others = seenWith(c);
    if (others.length === 0) continue;
    const scope = new Set(others.flatMap((o) => [...sharedScope2(c.item.exportTo, o.item.exportTo)]));
    context.report({
      at: { resource: c.item.resource, path: c.path },
      messageId: "sameMeshHost",
      data: {
        name: c.item.name,
        host,
        others: listText(others.map((o) => `"${o.item.namespace}/${o.item.name}"`), 5),
        scope: exportToText(scope)
      },
      related: others.slice(0, 5).map((o) => ({ at: { resource: o.item.resource, path: o.path }, message: `VirtualService ${o.item.namespace}/${o.item.name} also routes ${host} for sidecars` }))
    });
  }
}
var virtualservice_host_conflict_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "Several VirtualServices bound to the mesh gateway route the same host: sidecars use one and ignore the others.",
      url: docsUrl("virtualservice-host-conflict"),
      recommended: true,
      aliases: ["IST0109", "KIA1106"],
      tags: ["correctness", "traffic"]
    },
    messages: {
      sameMeshHost: `VirtualService "{{name}}" routes host {{host}} for sidecars, and so does VirtualService {{others}} (both seen in {{scope}}): a sidecar takes the routes of one of them for that host (istiod's order, not the file's) and ignores the others. Merge them into one VirtualService, or export them to different namespaces.`
    },
    schema: [],
    defaultSeverity: "error",
    reads: reads(READS.virtualServices)
  },
  create(context) {
    return {
      "Mesh:exit"() {
        for (const [host, claims] of context.model.meshVirtualServicesByHost()) {
          if (claims.length > 1) reportHost(context, host, claims);
        }
      }
    };
  }
});

// rules/virtualservice-references/index.ts
var INTERNAL_GATEWAY = /^([^/~]+)~istio-autogenerated-k8s-gateway~(.*)$/;
var CONSEQUENCE2 = {
  route: "Envoy has no cluster for it, so requests this route sends there fail with 503 (NC, cluster not found)",
  mirror: "Envoy has no cluster for it, so no request is mirrored"
};
function clientNamespaces2(vs) {
  if (vs.exportTo.has("*") || vs.exportTo.has(vs.namespace)) return [vs.namespace];
  return [...vs.exportTo].filter((n) => n !== "~");
}
function visibleFrom(vs, e) {
  if (e.host.startsWith("*")) return clientNamespaces2(vs).some((ns) => exportedTo(e.exportTo, ns));
  return exportsOverlap(vs.exportTo, e.exportTo);
}
function checkSubset(context, vs, d, fqdn, entries2) {
  const model = context.model;
  const clients = clientNamespaces2(vs);
  const owners = entries2.length > 0 ? [...new Set(entries2.map((e) => e.namespace))] : [serviceHostNamespace(fqdn) ?? vs.namespace];
  const known2 = (ns) => model.mesh.complete || model.declaresNamespace(ns);
  const index = destinationRuleIndex(model);
  const seen = /* @__PURE__ */ new Set();
  for (const client of clients) {
    for (const owner of owners) {
      const found = index.lookup(client, fqdn, owner);
      for (const r of found.rule?.from ?? []) {
        if (r.dr.subsets.some((s) => s.name === d.subset)) return;
        seen.add(`${r.dr.namespace}/${r.dr.name}`);
      }
      const steps = found.step === "client-namespace" ? [client] : found.step === "service-namespace" ? [client, owner] : [client, owner, model.rootNamespace];
      if (!steps.every(known2)) return;
    }
  }
  const rules = [...seen].sort();
  context.report({
    at: { resource: vs.resource, path: [...d.path, "subset"] },
    messageId: "unknownSubset",
    data: {
      name: vs.name,
      subset: d.subset,
      host: d.host,
      rules: rules.length === 0 ? `no DestinationRule for "${fqdn}" applies here` : `DestinationRule ${listText(rules)}, which applies here, does not define it`,
      consequence: CONSEQUENCE2[d.role]
    }
  });
}
function checkDestination(context, vs, d) {
  const model = context.model;
  const fqdn = resolveHost(d.host, vs.namespace);
  const entries2 = model.hosts.lookup(fqdn);
  if (entries2.length === 0) {
    if (!model.knowsHost(fqdn)) return;
    context.report({
      at: { resource: vs.resource, path: [...d.path, "host"] },
      messageId: "unknownHost",
      data: { name: vs.name, host: d.host, resolved: fqdn === d.host ? "" : ` (${fqdn})`, role: d.role === "route" ? "routes" : "mirrors", consequence: CONSEQUENCE2[d.role] }
    });
    if (d.subset) checkSubset(context, vs, d, fqdn, entries2);
    return;
  }
  const visible = entries2.filter((e) => visibleFrom(vs, e));
  if (visible.length === 0) {
    const e = entries2[0];
    context.report({
      at: { resource: vs.resource, path: [...d.path, "host"] },
      messageId: "hostNotExported",
      data: { name: vs.name, role: d.role === "route" ? "routes" : "mirrors", host: d.host, declarer: `${e.kind} ${e.namespace}/${e.name}`, hostExport: exportToText(e.exportTo), vsExport: exportToText(vs.exportTo), consequence: CONSEQUENCE2[d.role] },
      related: [{ at: { resource: e.resource, path: e.kind === "Service" ? ["metadata", "annotations", "networking.istio.io/exportTo"] : ["spec", "exportTo"] }, message: `${e.kind} ${e.namespace}/${e.name} is exported to ${exportToText(e.exportTo)}` }]
    });
    return;
  }
  const exact = visible.filter((e) => !e.host.startsWith("*") && e.ports.length > 0);
  if (d.port !== void 0 && exact.length > 0 && !exact.some((e) => e.ports.includes(d.port))) {
    const e = exact[0];
    context.report({
      at: { resource: vs.resource, path: [...d.path, "port", "number"] },
      messageId: "unknownPort",
      data: { name: vs.name, host: d.host, port: d.port, declarer: `${e.kind} ${e.namespace}/${e.name}`, ports: listText(e.ports.map(String)), consequence: CONSEQUENCE2[d.role] }
    });
  }
  if (d.subset) checkSubset(context, vs, d, fqdn, visible);
}
function listenerHostnames(spec) {
  if (!isRecord(spec)) return [];
  return arr(spec.listeners).flatMap((l) => isRecord(l) ? [str(l.hostname) || "*"] : []);
}
function checkGateways(context, vs) {
  const model = context.model;
  for (const g of vs.gateways) {
    if (g.name === "mesh") continue;
    const slash = g.name.indexOf("/");
    const [ns, name] = slash >= 0 ? [g.name.slice(0, slash), g.name.slice(slash + 1)] : [vs.namespace, g.name];
    const internal = INTERNAL_GATEWAY.exec(name);
    if (internal) {
      context.report({
        at: { resource: vs.resource, path: g.path },
        severity: "warn",
        messageId: "internalGateway",
        data: { name: vs.name, gateway: g.name, namespace: ns, k8sGateway: internal[1], listener: internal[2] }
      });
      continue;
    }
    const istio = model.istioGateway(ns, name);
    const k8s = istio ? void 0 : model.gateway(ns, name);
    if (istio || k8s) {
      if (vs.hosts.length === 0) continue;
      const accepted = istio ? gatewayHostsFor(istio.hosts, ns, vs.namespace) : listenerHostnames(k8s.resource.raw.spec);
      const hosts = vs.hosts.map((h) => resolveHost(h, vs.namespace));
      if (accepted.some((a) => hosts.some((h) => hostsOverlap(a, h)))) continue;
      context.report({
        at: { resource: vs.resource, path: g.path },
        messageId: "hostNotInGateway",
        data: { name: vs.name, gateway: g.name, hosts: listText(vs.hosts.map((h) => `"${h}"`)), accepted: accepted.length > 0 ? listText([...new Set(accepted)].map((h) => `"${h}"`)) : "no host" }
      });
      continue;
    }
    if (!model.mesh.complete && !model.declaresNamespace(ns)) continue;
    context.report({
      at: { resource: vs.resource, path: g.path },
      messageId: "unknownGateway",
      data: { name: vs.name, gateway: g.name, namespace: ns, gatewayName: name }
    });
  }
}
var virtualservice_references_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A VirtualService routes to a host, subset or gateway that does not exist where it applies.",
      url: docsUrl("virtualservice-references"),
      recommended: true,
      aliases: ["IST0101", "IST0132", "IST0165", "KIA1101", "KIA1102", "KIA1107"],
      tags: ["correctness", "traffic"]
    },
    messages: {
      unknownHost: 'VirtualService "{{name}}" {{role}} to host "{{host}}"{{resolved}}, which no Service or ServiceEntry declares: {{consequence}}. Fix the host, or add the Service or ServiceEntry.',
      hostNotExported: `VirtualService "{{name}}" {{role}} to host "{{host}}", but {{declarer}} is exported only to {{hostExport}} and this VirtualService applies in {{vsExport}}: no proxy that uses the route sees the host, so {{consequence}}. Export the host to the namespaces of the route's clients.`,
      unknownPort: 'VirtualService "{{name}}" routes to port {{port}} of host "{{host}}", but {{declarer}} has only port {{ports}}: {{consequence}}. Use one of its ports.',
      unknownSubset: `VirtualService "{{name}}" routes to subset "{{subset}}" of host "{{host}}", but {{rules}}: {{consequence}}. Define the subset in the host's DestinationRule, or fix the name.`,
      hostNotInGateway: `VirtualService "{{name}}" is bound to gateway "{{gateway}}", which accepts {{accepted}} for this namespace, none of its hosts {{hosts}}: the gateway does not use these routes. Add the host to a server of the Gateway (namespace/host for a namespace-scoped one), or fix the VirtualService's hosts.`,
      internalGateway: 'VirtualService "{{name}}" is bound to "{{gateway}}", the Istio Gateway istiod generates for listener "{{listener}}" of Gateway API Gateway {{namespace}}/{{k8sGateway}}: an implementation detail that is renamed or dropped when istiod or the Gateway changes, and the routes with it. Route through the Gateway API Gateway with an HTTPRoute, or bind to an Istio Gateway of your own.',
      unknownGateway: 'VirtualService "{{name}}" is bound to gateway "{{gateway}}", but namespace {{namespace}} has no Gateway "{{gatewayName}}": its routes are configured at no gateway. Fix the name (namespace/name for another namespace), or add the Gateway.'
    },
    schema: [],
    defaultSeverity: "error",
    reads: reads(READS.destinationRules, READS.hosts, READS.gateways, READS.istioGateways, READS.services)
  },
  create(context) {
    return {
      VirtualService(r) {
        const vs = context.model.virtualServiceOf(r);
        if (!vs) return;
        for (const d of vs.destinations) checkDestination(context, vs, d);
        checkGateways(context, vs);
      }
    };
  }
});

// rules/waypoint-bypass/index.ts
var import_yaml2 = __toESM(require_dist(), 1);
function restricts(p) {
  if (p.action === "AUDIT" || p.dryRun) return false;
  if (p.action === "ALLOW" && (p.rules ?? []).some((r) => isRecord(r) && Object.keys(r).length === 0)) return false;
  return true;
}
function describeWho(w) {
  if (w.principal) return w.sourceIp ? `${w.principal} from ${w.sourceIp}` : w.principal;
  return w.sourceIp ? `plaintext clients from ${w.sourceIp}` : "plaintext clients (no mesh identity)";
}
function skipsWaypoint(model, principal, pod, target, workloadTraffic) {
  const peer = { kind: "principal", principal };
  if (!sendsToWaypoint(model, peer, target.service).yes) return "direct";
  const viaPod = sendsToWaypoint(model, peer, void 0);
  if (viaPod.yes) {
    const own = model.waypointOfWorkload(pod);
    if (workloadTraffic && own && own.namespace === target.binding.namespace && own.name === target.binding.name) return "none";
    return viaPod.why === "" ? "pod-address" : "direct";
  }
  return "none";
}
function leaksOf(model, pod, port2, target, workloadTraffic, waypointIds, known2) {
  const td = model.mesh.trustDomain;
  const policies = ztunnelPoliciesFor(model, pod);
  const witnesses = [];
  for (const p of policies) {
    if (p.action === "ALLOW" && !p.dryRun && !isImplicitWaypointPolicy(p)) witnesses.push(...sourceWitnesses(p, td));
  }
  for (const principal of [`${td}/ns/${pod.namespace}/sa/default`, `${td}/ns/default/sa/default`, ...known2]) witnesses.push({ principal });
  if (model.ztunnelMtls(pod, port2).mode !== "STRICT") witnesses.push({});
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const w of witnesses) {
    if (w.principal && (waypointIds.includes(w.principal) || looksLikeWaypointPrincipal(model, w.principal) || w.principal === model.identityOf(pod))) continue;
    if (!w.principal && model.ztunnelMtls(pod, port2).mode === "STRICT") continue;
    const who = describeWho(w);
    if (seen.has(who)) continue;
    seen.add(who);
    const how2 = w.principal ? skipsWaypoint(model, w.principal, pod, target, workloadTraffic) : "direct";
    if (how2 === "none") continue;
    const d = evaluatePolicies(policies, { principal: w.principal, sourceIp: w.sourceIp, port: port2, http: false }, "ztunnel");
    if (d.decision !== "ALLOW") continue;
    const by = d.decidedBy;
    let rule;
    if (by && by.rule !== void 0 && !isImplicitWaypointPolicy(by.policy)) {
      const fromOrigin = w.origin && w.origin.policy === by.policy && w.origin.rule === by.rule;
      rule = { policy: by.policy, index: by.rule, path: fromOrigin ? w.origin.path : ["spec", "rules", by.rule] };
    }
    out.push({ who, principal: w.principal, podAddress: how2 === "pod-address", port: port2, pod, rule });
  }
  return out;
}
function howText(leaks) {
  if (leaks.length > 0 && leaks.every((l) => l.podAddress)) return "by dialing the pod address";
  if (leaks.some((l) => l.podAddress)) return "directly (the ambient ones by dialing the pod address)";
  return "directly";
}
function podAddressNote(leaks) {
  return leaks.some((l) => l.podAddress) ? " A waypoint for service traffic carries only requests sent to the Service." : "";
}
function listText2(items) {
  return listText(items, 3);
}
function ztunnelFix(target, waypointIds) {
  const policy = {
    apiVersion: "security.istio.io/v1",
    kind: "AuthorizationPolicy",
    metadata: { name: `${target.service.name}-via-waypoint-only`, namespace: target.service.namespace },
    spec: {
      selector: { matchLabels: target.service.selector ?? {} },
      action: "ALLOW",
      rules: [{ from: [{ source: { principals: waypointIds } }] }]
    }
  };
  return (0, import_yaml2.stringify)(policy);
}
var ZTUNNEL_RULE = 'Ztunnel policy "{{name}}" lets {{clients}} reach {{pods}} on {{ports}} {{how}}, skipping {{waypoint}} and its policy {{waypointPolicies}}.{{podAddressNote}} Admit only the waypoint ({{waypointIds}}) on {{thatPorts}}, or limit this rule to other ports.';
var waypoint_bypass_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A policy attached to a waypoint can be bypassed: ztunnel on the destination pods admits clients other than the waypoint on the same ports.",
      url: docsUrl("waypoint-bypass"),
      recommended: true,
      tags: ["security", "ambient", "waypoint", "authorization"]
    },
    messages: {
      unguardedPods: 'AuthorizationPolicy "{{name}}" is enforced only by {{waypoint}}, but no ztunnel ALLOW policy guards {{pods}}, so any client{{anyClient}} reaches {{ports}} directly, skipping it. Admit only the waypoint ({{waypointIds}}) on {{thatPorts}} with a ztunnel policy{{autoAllowHint}}.',
      ztunnelPolicyAdmits: 'AuthorizationPolicy "{{name}}" is enforced only by {{waypoint}}, but ztunnel policy {{ztunnelPolicies}} lets {{clients}} reach {{pods}} on {{ports}} {{how}}, skipping it.{{podAddressNote}} Admit only the waypoint ({{waypointIds}}) on {{thatPorts}}.',
      ztunnelRuleAdmits: ZTUNNEL_RULE,
      ztunnelRuleAdmitsGateway: `${ZTUNNEL_RULE} For Gateway {{gateways}}, label the Service istio.io/ingress-use-waypoint=true.`
    },
    schema: [
      {
        type: "object",
        properties: {
          maxKnownCallers: { type: "integer", minimum: 1, description: "How many other identities of the input are tried as candidate clients." },
          ignoreNamespaces: { ...NAMESPACE_LIST, description: "Namespaces whose AuthorizationPolicies are neither checked nor reported." }
        },
        additionalProperties: false
      }
    ],
    defaultOptions: [{ maxKnownCallers: 25, ignoreNamespaces: [] }],
    hasSuggestions: true,
    defaultSeverity: "warn",
    reads: reads(READS.access, READS.identities, READS.waypoints, READS.peerAuthentications)
  },
  create(context) {
    const model = context.model;
    const { maxKnownCallers = 25, ignoreNamespaces = [] } = context.options[0] ?? {};
    const ignored2 = new Set(ignoreNamespaces);
    const leakCache = /* @__PURE__ */ new Map();
    let knownCache;
    const known2 = () => knownCache ??= [...model.allIdentities()].sort().slice(0, maxKnownCallers);
    const ruleReports = /* @__PURE__ */ new Map();
    return {
      AuthorizationPolicy(p) {
        if (p.targetRefs.length === 0 || !restricts(p) || ignored2.has(p.namespace)) return;
        for (const t of p.targetRefs) {
          const leaks = [];
          const targets = targetRefTargets(model, p, t);
          const workloadTraffic = targets.length > 0 && targetRefAttaches(model, p, t, { waypoint: targets[0].binding });
          let first;
          for (const target of targets) {
            const ids = waypointPrincipals(model, target.binding);
            first ??= { target, ids };
            for (const pod of model.servicePods(target.service)) {
              if (pod.dataplane.mode !== "ambient") continue;
              for (const sp of target.service.ports) {
                const port2 = targetPortOn(pod, sp);
                if (port2 === void 0) continue;
                const key2 = `${pod.namespace}/${pod.kind}/${pod.name}|${port2}|${ids.join(",")}|${target.binding.namespace}/${target.binding.name}|${ingressUsesWaypoint(model, target.service)}|${workloadTraffic}`;
                let found = leakCache.get(key2);
                if (!found) leakCache.set(key2, found = leaksOf(model, pod, port2, target, workloadTraffic, ids, known2()));
                for (const l of found) {
                  leaks.push(l);
                  if (!l.rule) continue;
                  const rk = `${l.rule.policy.namespace}/${l.rule.policy.name}|${l.rule.path.join(".")}`;
                  let r = ruleReports.get(rk);
                  if (!r) {
                    r = { at: { resource: l.rule.policy.resource, path: l.rule.path }, policy: l.rule.policy, leaks: [], skipped: /* @__PURE__ */ new Set(), target, ids };
                    ruleReports.set(rk, r);
                  }
                  if (!r.leaks.some((x) => x.who === l.who && x.port === l.port)) r.leaks.push(l);
                  r.skipped.add(`"${p.namespace}/${p.name}"`);
                }
              }
            }
          }
          if (leaks.length === 0 || !first) continue;
          const services = [...new Set(targets.filter((x) => leaks.some((l) => model.servicePods(x.service).includes(l.pod))).map((x) => x.label))];
          const ports = [...new Set(leaks.map((l) => l.port))].sort((a, b) => a - b);
          const open = leaks.some((l) => !l.rule);
          const data = {
            name: p.name,
            waypoint: waypointLabel(first.target.binding),
            pods: `the pods of ${listText2(services)}`,
            ports: `${ports.length === 1 ? "port" : "ports"} ${listText2(ports.map(String))}`,
            waypointIds: listText2(first.ids),
            thatPorts: ports.length === 1 ? "that port" : "those ports"
          };
          const report = {
            at: { resource: p.resource, path: t.path },
            suggest: [{ desc: `Restrict the pods of ${first.target.label} to the waypoint's identity`, fix: ztunnelFix(first.target, first.ids) }],
            assumptions: model.assumptionsOf(leaks.map((l) => l.pod))
          };
          if (open) {
            context.report({
              ...report,
              messageId: "unguardedPods",
              data: {
                ...data,
                anyClient: leaks.some((l) => !l.principal) ? ", even without mTLS," : " with a mesh identity",
                autoAllowHint: model.mesh.autoAllowWaypointPolicy ? "" : " (or set PILOT_AUTO_ALLOW_WAYPOINT_POLICY=true)"
              }
            });
          } else {
            context.report({
              ...report,
              messageId: "ztunnelPolicyAdmits",
              data: {
                ...data,
                ztunnelPolicies: listText2([...new Set(leaks.map((l) => `"${l.rule.policy.name}"`))]),
                clients: listText2([...new Set(leaks.map((l) => l.who))]),
                how: howText(leaks),
                podAddressNote: podAddressNote(leaks)
              }
            });
          }
        }
      },
      "Mesh:exit"() {
        for (const r of ruleReports.values()) {
          if (ignored2.has(r.policy.namespace)) continue;
          const gateways = [...new Set(r.leaks.flatMap((l) => l.principal ? model.ownersOf(l.principal) : []).filter((o) => o.kind === "gateway").map((o) => `${o.namespace}/${o.gateway.name}`))];
          const ports = [...new Set(r.leaks.map((l) => l.port))].sort((a, b) => a - b);
          const hint = gateways.length > 0 && !ingressUsesWaypoint(model, r.target.service);
          context.report({
            at: r.at,
            messageId: hint ? "ztunnelRuleAdmitsGateway" : "ztunnelRuleAdmits",
            data: {
              name: r.policy.name,
              clients: listText2([...new Set(r.leaks.map((l) => l.who))]),
              pods: listText2([...new Set(r.leaks.map((l) => `${l.pod.kind} ${l.pod.namespace}/${l.pod.name}`))]),
              ports: `${ports.length === 1 ? "port" : "ports"} ${listText2(ports.map(String))}`,
              how: howText(r.leaks),
              waypoint: waypointLabel(r.target.binding),
              waypointPolicies: listText2([...r.skipped].sort()),
              podAddressNote: podAddressNote(r.leaks),
              waypointIds: listText2(r.ids),
              thatPorts: ports.length === 1 ? "that port" : "those ports",
              gateways: listText2(gateways)
            },
            suggest: [
              {
                desc: `Admit only the waypoint on port ${listText2(ports.map(String))} in AuthorizationPolicy "${r.policy.name}"`,
                fix: `# AuthorizationPolicy ${r.policy.namespace}/${r.policy.name}, spec.rules:
${(0, import_yaml2.stringify)([{ from: [{ source: { principals: r.ids } }] }])}`
              }
            ],
            assumptions: model.assumptionsOf(r.leaks.map((l) => l.pod))
          });
        }
      }
    };
  }
});

// rules/waypoint-principal-mismatch/index.ts
var import_yaml3 = __toESM(require_dist(), 1);
function names2(entry, principal) {
  return entry.field.startsWith("serviceAccounts") || entry.field.startsWith("notServiceAccounts") ? entry.principal === principal : matchString(entry.value, principal);
}
function refusedWaypoints(model, w) {
  const out = [];
  const policies = ztunnelPoliciesFor(model, w);
  for (const { binding, service } of waypointsServing(model, w)) {
    if (!binding.gateway) continue;
    const ids = waypointPrincipals(model, binding);
    const ports = service ? service.ports.map((sp) => targetPortOn(w, sp)).filter((x) => x !== void 0) : w.ports.map((p) => p.port);
    if (ports.length === 0) continue;
    const refused = ports.filter((port2) => ids.every((principal) => evaluatePolicies(policies, { principal, port: port2, http: false }, "ztunnel").decision === "DENY"));
    if (refused.length !== ports.length) continue;
    if (out.some((r) => r.binding.namespace === binding.namespace && r.binding.name === binding.name)) continue;
    out.push({ binding, ids, what: service ? `Service ${service.name}` : `${w.kind} ${w.name}`, ports: [...new Set(refused)].sort((a, b) => a - b) });
  }
  return out;
}
function entryValue(e, principal, policyNamespace) {
  if (!e.field.includes("erviceAccounts")) return principal;
  const q = parsePrincipal(principal);
  return q.namespace === policyNamespace && !e.value.includes("/") ? q.serviceAccount : `${q.namespace}/${q.serviceAccount}`;
}
function withEntry(p, e, value) {
  const rules = structuredClone(p.rules ?? []);
  let node = rules;
  const rel = e.path.slice(2);
  for (const seg of rel.slice(0, -1)) node = isRecord(node) ? node[seg] : Array.isArray(node) ? node[seg] : void 0;
  const last = rel[rel.length - 1];
  if (Array.isArray(node)) node[last] = value;
  return { ...p, rules };
}
function entryIsTheCause(model, w, p, e, r) {
  const id = r.ids[0];
  const fixed = withEntry(p, e, entryValue(e, id, p.namespace));
  const policies = ztunnelPoliciesFor(model, w).map((x) => x === p ? fixed : x);
  return r.ports.every((port2) => evaluatePolicies(policies, { principal: id, port: port2, http: false }, "ztunnel").decision === "ALLOW");
}
function entryFix(p, e, replacement) {
  let node = p.rules;
  const rel = e.path.slice(2, -1);
  for (const seg of rel) node = isRecord(node) ? node[seg] : Array.isArray(node) ? node[seg] : void 0;
  const index = e.path[e.path.length - 1];
  const list = Array.isArray(node) ? node.flatMap((v, i) => i === index ? replacement : [v]) : replacement;
  const where = e.path.map((seg) => typeof seg === "number" ? `[${seg}]` : `.${seg}`).join("").slice(1);
  return `# AuthorizationPolicy ${p.namespace}/${p.name}, ${where.replace(/\[\d+\]$/, "")}:
${(0, import_yaml3.stringify)(list)}`;
}
var waypoint_principal_mismatch_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A ztunnel policy meant to admit the waypoint names an identity that is not the identity of the waypoint serving the workload, so ztunnel refuses everything the waypoint forwards.",
      url: docsUrl("waypoint-principal-mismatch"),
      recommended: true,
      tags: ["security", "ambient", "waypoint", "authorization"]
    },
    messages: {
      // The entry is a principal: "Use that identity." names the value already shown.
      useIdentity: 'AuthorizationPolicy "{{name}}" names "{{value}}"{{implied}} as the waypoint, but {{serving}}: ztunnel refuses all it forwards on port {{ports}}, so callers get connection failures. Use {{identity}}.',
      // The entry is a service account: the value to write differs from the identity shown.
      useEntry: 'AuthorizationPolicy "{{name}}" names "{{value}}"{{implied}} as the waypoint, but {{serving}}: ztunnel refuses all it forwards on port {{ports}}, so callers get connection failures. Use {{entries}}.'
    },
    schema: [],
    hasSuggestions: true,
    defaultSeverity: "error",
    reads: reads(READS.authorizationPolicies, READS.waypoints, READS.workloads, READS.services)
  },
  create(context) {
    const model = context.model;
    const refusals = /* @__PURE__ */ new Map();
    return {
      AuthorizationPolicy(p) {
        if (p.targetRefs.length > 0 || p.dryRun || p.action !== "ALLOW" && p.action !== "DENY") return;
        const entries2 = waypointLikeEntries(model, p);
        if (entries2.length === 0) return;
        const pods = model.policyWorkloads(p).filter((w) => w.dataplane.mode === "ambient");
        for (const e of entries2) {
          const hits = [];
          for (const w of pods) {
            let rs = refusals.get(w);
            if (!rs) refusals.set(w, rs = refusedWaypoints(model, w));
            for (const r of rs) if (!r.ids.some((id) => names2(e, id)) && entryIsTheCause(model, w, p, e, r)) hits.push({ w, r });
          }
          if (hits.length === 0) continue;
          const byWaypoint = /* @__PURE__ */ new Map();
          for (const { r } of hits) {
            const key2 = `${r.binding.namespace}/${r.binding.name}`;
            const g = byWaypoint.get(key2) ?? { r, what: /* @__PURE__ */ new Set(), ports: /* @__PURE__ */ new Set() };
            g.what.add(r.what);
            for (const port2 of r.ports) g.ports.add(port2);
            byWaypoint.set(key2, g);
          }
          const groups = [...byWaypoint.values()];
          const real = [...new Set(groups.flatMap((g) => g.r.ids))];
          const parsed = parsePrincipal(e.principal);
          const serving = listText(
            groups.map((g) => {
              const gw = g.r.binding.gateway;
              const sa = gw.resource.annotations["gateway.istio.io/service-account"] ? " (gateway.istio.io/service-account)" : "";
              return `${waypointLabel(g.r.binding)}, serving ${listText([...g.what].sort())}, runs as ${listText(g.r.ids)}${sa}`;
            })
          );
          const ports = [...new Set(groups.flatMap((g) => [...g.ports]))].sort((a, b) => a - b).map(String);
          const replacement = real.map((id) => entryValue(e, id, p.namespace));
          const data = {
            name: p.name,
            value: e.value,
            // The service account an entry stands for, when the entry does not spell it out.
            implied: parsed && e.value !== e.principal && !e.value.includes(`${parsed.namespace}/`) ? ` (${parsed.namespace}/${parsed.serviceAccount})` : "",
            serving,
            ports: listText(ports)
          };
          const sameAsIdentity = replacement.every((x, i) => x === real[i]);
          context.report({
            at: { resource: p.resource, path: e.path },
            ...sameAsIdentity ? { messageId: "useIdentity", data: { ...data, identity: real.length > 1 ? "those identities" : "that identity" } } : { messageId: "useEntry", data: { ...data, entries: listText(quoted(replacement)) } },
            suggest: [{ desc: `Replace "${e.value}" with the waypoint's identity`, fix: entryFix(p, e, replacement) }],
            assumptions: model.assumptionsOf(hits.map((h) => h.w))
          });
        }
      }
    };
  }
});

// rules/workload-without-authorization/index.ts
var GATEWAY_GROUP2 = "gateway.networking.k8s.io";
function knowsPoliciesFor(model, ns) {
  return model.mesh.complete || model.declaresNamespace(ns) && model.hasNamespace(model.rootNamespace);
}
function targetsOwnGateway(model, w) {
  const gateway = w.podLabels["gateway.networking.k8s.io/gateway-name"];
  if (gateway === void 0) return false;
  return model.policiesIn("AuthorizationPolicy", w.namespace).some((p) => p.targetRefs.some((t) => t.group === GATEWAY_GROUP2 && t.kind === "Gateway" && t.name === gateway));
}
function coveredAtWaypoint(model, w) {
  for (const service of model.servicesOf(w)) {
    const waypoint2 = model.waypointOfService(service);
    if (waypoint2 && model.waypointPolicies({ service, waypoint: waypoint2 }).length > 0) return true;
  }
  const waypoint = model.waypointOfWorkload(w);
  return waypoint !== void 0 && model.waypointPolicies({ waypoint }).length > 0;
}
var workload_without_authorization_default = defineRule({
  meta: {
    type: "suggestion",
    docs: {
      description: "A workload in the mesh that no AuthorizationPolicy applies to: everything that reaches it is allowed (off by default).",
      url: docsUrl("workload-without-authorization"),
      recommended: false,
      aliases: ["KIA1301"],
      tags: ["authorization"]
    },
    messages: {
      uncovered: "{{kind}} {{namespace}}/{{name}} is covered by no AuthorizationPolicy (none in namespace {{namespace}} or the root namespace {{root}} selects it, none at a waypoint in front of it): every request that reaches it is allowed. Add a policy for it, or a default-deny `spec: {}` in namespace {{namespace}}."
    },
    schema: ignoreNamespacesSchema("Workloads in these namespaces are not checked."),
    defaultOptions: [{ ignoreNamespaces: [] }],
    defaultSeverity: "warn",
    reads: reads(READS.authorizationPolicies, READS.waypoints, READS.services)
  },
  create(context) {
    const model = context.model;
    const ignored2 = new Set(context.options[0]?.ignoreNamespaces ?? []);
    return {
      Workload(w) {
        if (ignored2.has(w.namespace) || !knowsPoliciesFor(model, w.namespace)) return;
        if (w.dataplane.mode === "none" && !isIstioGatewayWorkload(w)) return;
        if (model.authorizationPoliciesFor(w).length > 0 || targetsOwnGateway(model, w) || coveredAtWaypoint(model, w)) return;
        context.report({
          at: { resource: w.resource, path: ["metadata", "name"] },
          messageId: "uncovered",
          data: { kind: w.kind, namespace: w.namespace, name: w.name, root: model.rootNamespace },
          assumptions: model.assumptionsOf([w])
        });
      }
    };
  }
});

// rules/workloadgroup-service-account/index.ts
var DEFAULT_ACCOUNT = "default";
function accountsOf(model, ns) {
  const objects = model.serviceAccountsIn(ns).map((r) => r.name);
  if (!model.mesh.complete && !(model.declaresNamespace(ns) && objects.length > 0)) return void 0;
  const running = model.identitiesIn(ns).map((o) => o.serviceAccount);
  return [.../* @__PURE__ */ new Set([DEFAULT_ACCOUNT, ...objects, ...running])].filter((a) => a !== "").sort();
}
var workloadgroup_service_account_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A WorkloadGroup's template names a service account its namespace does not have: its VMs get no token for it, and istiod registers none of them.",
      url: docsUrl("workloadgroup-service-account"),
      recommended: true,
      aliases: ["KIA1701"],
      tags: ["vm", "identity"]
    },
    messages: {
      unknownServiceAccount: 'WorkloadGroup "{{name}}" runs its VMs as service account "{{account}}", but namespace {{namespace}} has none of that name (it has {{accounts}}): no bootstrap token can be created for it, and istiod registers no VM of the group, so they never join the mesh.{{hint}}'
    },
    schema: [],
    defaultSeverity: "error",
    reads: reads(READS.identities, READS.serviceAccounts)
  },
  create(context) {
    const model = context.model;
    return {
      WorkloadGroup(r) {
        const spec = isRecord(r.raw.spec) ? r.raw.spec : {};
        const template = isRecord(spec.template) ? spec.template : {};
        const account = template.serviceAccount;
        if (typeof account !== "string" || account === "") return;
        const accounts = accountsOf(model, r.namespace);
        if (!accounts || accounts.includes(account)) return;
        const near = closest(account, accounts);
        context.report({
          at: { resource: r, path: ["spec", "template", "serviceAccount"] },
          messageId: "unknownServiceAccount",
          data: {
            name: r.name,
            account,
            namespace: r.namespace,
            accounts: listText(accounts.map((a) => `"${a}"`), 5),
            hint: near ? ` Did you mean "${near}"?` : " Create the ServiceAccount, or name one the namespace has."
          }
        });
      }
    };
  }
});

// src/fixes.ts
function waypointFix(model, p) {
  const services = /* @__PURE__ */ new Map();
  for (const w of model.policyWorkloads(p)) {
    for (const s of model.servicesOf(w)) {
      if (s.namespace !== p.namespace) continue;
      services.set(s.name, { name: s.name, bound: model.waypointOfService(s) !== void 0 });
    }
  }
  const list = [...services.values()].sort((a, b) => a.name < b.name ? -1 : 1);
  const names3 = list.length > 0 ? list.map((s) => s.name) : ["<service>"];
  const lines = ["spec:", "  targetRefs:"];
  for (const n of names3) lines.push("  - kind: Service", '    group: ""', `    name: ${n}`);
  let desc = `Attach AuthorizationPolicy "${p.name}" to the waypoint of ${list.length > 0 ? names3.map((n) => `Service "${n}"`).join(", ") : "the Service in front of these pods"} (and drop its selector)`;
  const unbound = list.filter((s) => !s.bound);
  const existing = model.gateways.find((g) => g.isWaypoint && g.namespace === p.namespace);
  if (existing && unbound.length > 0) {
    desc += `; label the Service${unbound.length > 1 ? "s" : ""} istio.io/use-waypoint=${existing.name} to send ${unbound.length > 1 ? "their" : "its"} traffic through waypoint "${existing.name}"`;
  } else if (unbound.length > 0 || list.length === 0) {
    desc += `; deploy a waypoint and label the Service${unbound.length > 1 ? "s" : ""} istio.io/use-waypoint=waypoint`;
    lines.push(
      "---",
      "apiVersion: gateway.networking.k8s.io/v1",
      "kind: Gateway",
      "metadata:",
      "  name: waypoint",
      `  namespace: ${p.namespace}`,
      "  labels:",
      "    istio.io/waypoint-for: service",
      "spec:",
      "  gatewayClassName: istio-waypoint",
      "  listeners:",
      "  - name: mesh",
      "    port: 15008",
      "    protocol: HBONE"
    );
  }
  return { desc, fix: `${lines.join("\n")}
` };
}

// src/util/once.ts
function once(fn) {
  let done = false;
  let value;
  return () => {
    if (!done) {
      value = fn();
      done = true;
    }
    return value;
  };
}

// rules/ztunnel-l7-policy/index.ts
function ambientTargets(model, p) {
  const selected = model.policyWorkloads(p);
  const ambient = selected.filter((w) => w.dataplane.mode === "ambient");
  if (ambient.length > 0) return { names: describeWorkloads5(ambient), assumptions: model.assumptionsOf(ambient) };
  const nsAmbient = (ns) => {
    const d = model.dataplaneFor(ns);
    return d.mode === "ambient" && !d.assumption;
  };
  if (selected.length === 0 && nsAmbient(p.namespace) && p.namespace !== model.rootNamespace) {
    return { names: `the pods of ambient namespace "${p.namespace}"`, assumptions: [] };
  }
  if (p.namespace === model.rootNamespace && (!p.selector || Object.keys(p.selector).length === 0)) {
    const names3 = [...model.namespaces.keys()].filter(nsAmbient);
    if (names3.length > 0) {
      return { names: `the pods of ambient namespace${names3.length > 1 ? "s" : ""} ${names3.slice(0, 3).map((n) => `"${n}"`).join(", ")}${names3.length > 3 ? ` and ${names3.length - 3} more` : ""}`, assumptions: [] };
    }
  }
  return void 0;
}
function describeWorkloads5(ws) {
  const all = [...new Set(ws.map((w) => `${w.kind} ${w.namespace}/${w.name}`))];
  const names3 = all.slice(0, 3);
  return all.length > 3 ? `${names3.join(", ")} and ${all.length - 3} more` : names3.join(", ");
}
function consequence5(p, z, rule, use) {
  const refuseAll = "the pods refuse all traffic that no other ALLOW policy admits";
  if (p.action === "ALLOW") {
    if (rule.fate === "dropped") {
      if (z.allowsNothing && z.rules.every((r) => r.fate === "dropped")) return `every rule of this ALLOW policy is dropped, yet the policy still applies, so ${refuseAll}`;
      return z.allowsNothing ? `this ALLOW rule is dropped and no other rule of the policy can match, so ${refuseAll}` : "this ALLOW rule is dropped, so the requests it admits are refused unless another rule admits them";
    }
    if (use.entryKeepsL4) return "this source is matched on its other fields alone, so it admits peers of any trust domain";
    if (z.allowsNothing) return `this source never matches and no rule of the policy can, so ${refuseAll}`;
    return "this source never matches, so the peers it names are refused unless another source or rule admits them";
  }
  if (rule.fate === "never-matches") return "nothing of this DENY rule is left to match, so it never fires and the traffic it should block gets through";
  if (use.entryKeepsL4 !== false) return "this DENY rule is enforced on its layer-4 conditions alone and denies more than written";
  return `this ${use.path.includes("to") ? "operation" : "source"} is skipped, so the requests only it describes are not denied`;
}
function fieldText(use) {
  return use.field.includes(".") ? `the "${use.field}" condition` : `"${use.field}"`;
}
var ztunnel_l7_policy_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "An AuthorizationPolicy enforced by ztunnel (ambient, no waypoint) uses HTTP attributes or an action ztunnel cannot enforce.",
      url: docsUrl("ztunnel-l7-policy"),
      recommended: true,
      aliases: ["KIA0109", "KIA0110", "KIA1317"],
      tags: ["security", "ambient", "authorization"]
    },
    messages: {
      customNotEnforced: 'AuthorizationPolicy "{{name}}" (CUSTOM) applies to {{targets}}, where ztunnel enforces policy and never calls an external authorizer: the policy is not enforced at all. Attach it to a waypoint with targetRefs.',
      auditNotEnforced: 'AuthorizationPolicy "{{name}}" (AUDIT) applies to {{targets}}, where ztunnel enforces policy and does not audit: nothing is logged. Attach it to a waypoint with targetRefs.',
      // {{field}}: `"methods"` or `the "request.headers[x]" condition`; {{consequence}}: what is
      // left of the rule, by action and fate (see consequence()).
      fieldNotSent: 'AuthorizationPolicy "{{name}}" is enforced by ztunnel on {{targets}}, and istiod does not send {{field}} to ztunnel: {{consequence}}. Attach it to a waypoint with targetRefs, or remove {{field}}.',
      fieldNotMatched: 'AuthorizationPolicy "{{name}}" is enforced by ztunnel on {{targets}}, and ztunnel cannot match {{field}}: {{consequence}}. Attach it to a waypoint with targetRefs, or remove {{field}}.'
    },
    schema: ignoreNamespacesSchema("AuthorizationPolicies in these namespaces are not checked."),
    defaultOptions: [{ ignoreNamespaces: [] }],
    hasSuggestions: true,
    defaultSeverity: "error",
    reads: reads(READS.workloads, READS.services, READS.waypoints)
  },
  create(context) {
    const model = context.model;
    const ignored2 = new Set(context.options[0]?.ignoreNamespaces ?? []);
    return {
      AuthorizationPolicy(p) {
        if (p.targetRefs.length > 0 || p.dryRun || ignored2.has(p.namespace)) return;
        const target = ambientTargets(model, p);
        if (!target) return;
        const fix = once(() => waypointFix(model, p));
        if (p.action === "CUSTOM" || p.action === "AUDIT") {
          context.report({
            at: { resource: p.resource, path: ["spec", "action"] },
            severity: p.action === "AUDIT" ? "warn" : void 0,
            messageId: p.action === "CUSTOM" ? "customNotEnforced" : "auditNotEnforced",
            data: { name: p.name, targets: target.names },
            assumptions: target.assumptions,
            suggest: [fix]
          });
          return;
        }
        const z = ztunnelPolicy(p);
        for (const rule of z.rules) {
          for (const use of rule.l7) {
            if (rule.fate === "dropped" && use.kind === "ignored") continue;
            context.report({
              at: { resource: p.resource, path: use.path, part: use.part },
              messageId: use.kind === "ignored" ? "fieldNotSent" : "fieldNotMatched",
              data: { name: p.name, targets: target.names, field: fieldText(use), consequence: consequence5(p, z, rule, use) },
              assumptions: target.assumptions,
              suggest: [fix]
            });
          }
        }
      }
    };
  }
});

// rules/ztunnel-policy-behind-waypoint/index.ts
var import_yaml4 = __toESM(require_dist(), 1);
function sourceField(p, path) {
  const field = String(path[path.length - 2]);
  if (field !== "values") return field;
  const rule = p.rules?.[path[2]];
  const when = isRecord(rule) ? arr(rule.when)[path[4]] : void 0;
  return isRecord(when) && when.key === "source.namespace" ? "namespaces" : "principals";
}
var MAX_WITNESSES = 12;
function callerOf(model, w, field) {
  if (!w.principal || !w.origin) return void 0;
  const parsed = parsePrincipal(w.principal);
  if (!parsed) return void 0;
  const base = { path: w.origin.path, rule: w.origin.rule };
  const owners = model.ownersOf(w.principal);
  if (owners.length > 0) return { ...base, principal: w.principal, peer: { kind: "principal", principal: w.principal }, who: w.principal };
  if (field === "namespaces") {
    const gw = model.identitiesIn(parsed.namespace).find((o) => o.kind === "gateway");
    if (gw) {
      const principal = `${trustDomainOf(model)}/ns/${gw.namespace}/sa/${gw.serviceAccount}`;
      return { ...base, principal, peer: { kind: "principal", principal }, who: principal };
    }
    const ws = model.workloadsIn(parsed.namespace).filter((x) => !x.podLabels["gateway.networking.k8s.io/gateway-name"]);
    const first = [...ws].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0)[0];
    if (first) return { ...base, principal: model.identityOf(first), peer: { kind: "workload", workload: first }, who: `${first.kind} ${first.namespace}/${first.name}` };
    if (!model.namespaces.get(parsed.namespace)?.resource && (parsed.namespace === model.rootNamespace || /ingress|gateway/i.test(parsed.namespace))) {
      const principal = `${trustDomainOf(model)}/ns/${parsed.namespace}/sa/istio-ingressgateway`;
      return { ...base, principal, peer: { kind: "principal", principal }, who: `the ingress gateway of namespace ${parsed.namespace}` };
    }
  }
  const ns = model.namespaces.get(parsed.namespace);
  if (ns?.resource) {
    const label7 = `pods of namespace ${parsed.namespace} running as ${parsed.serviceAccount}`;
    return { ...base, principal: w.principal, peer: { kind: "pod", namespace: parsed.namespace, serviceAccount: parsed.serviceAccount, dataplane: model.dataplaneFor(parsed.namespace), label: label7 }, who: w.principal };
  }
  return { ...base, principal: w.principal, peer: { kind: "principal", principal: w.principal }, who: w.principal };
}
function unknownPrincipalIn(model, p, ns) {
  return sourceWitnesses(p, model.mesh.trustDomain).some((w) => {
    const q = w.principal ? parsePrincipal(w.principal) : void 0;
    const field = w.origin ? String(w.origin.path[w.origin.path.length - 2]) : "";
    return q !== void 0 && q.namespace === ns && field !== "namespaces" && model.ownersOf(w.principal).length === 0;
  });
}
function trustDomainOf(model) {
  return model.mesh.trustDomain;
}
function viaWaypoint(d) {
  return d.enforcement.some((e) => e.startsWith("waypoint "));
}
function listText3(items) {
  return listText(items, 3);
}
function waypointPolicyFix(p, s) {
  return (0, import_yaml4.stringify)({
    apiVersion: "security.istio.io/v1",
    kind: "AuthorizationPolicy",
    metadata: { name: p.name, namespace: p.namespace },
    spec: { targetRefs: [{ kind: "Service", group: "", name: s.name }], action: p.action, rules: p.rules ?? [] }
  });
}
var DIRECT_CALLERS = "sidecar clients, clients outside the mesh, calls to a pod address and ingress gateways without istio.io/ingress-use-waypoint";
var HEAD = `AuthorizationPolicy "{{name}}" is enforced by ztunnel on the pods of {{services}} ({{ports}}), which {{isAre}} bound to {{waypoint}}: requests the waypoint forwards arrive with its identity {{waypointIds}}, not the client's`;
var ztunnel_policy_behind_waypoint_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A ztunnel policy on pods behind a waypoint names client identities, but ztunnel sees the waypoint's identity on everything the waypoint forwards: an ALLOW refuses it all, a DENY never stops those clients.",
      url: docsUrl("ztunnel-policy-behind-waypoint"),
      recommended: true,
      tags: ["security", "ambient", "waypoint", "authorization"]
    },
    messages: {
      allowRefusesWaypoint: `${HEAD}, and this ALLOW policy does not admit it: ztunnel refuses everything the waypoint carries, so {{clients}}, which it admits, and every other caller sent through the waypoint get connection failures. Only callers that reach the pods directly keep their own identity (${DIRECT_CALLERS}). Admit the waypoint's principal in this policy, or match the clients in a targetRefs policy on the waypoint.`,
      denyMatchesWaypoint: `${HEAD}, and this DENY policy matches that identity too: ztunnel refuses everything the waypoint carries, not only {{clients}}, so every caller sent through the waypoint gets connection failures. Only callers that reach the pods directly are judged by their own identity (${DIRECT_CALLERS}). Attach it to the waypoint with targetRefs.`,
      denyMissesClients: `${HEAD}, so this DENY policy never matches them and {{clients}}, which it matches, still {{getOrGets}} through the waypoint. It stops only callers that reach the pods directly (${DIRECT_CALLERS}). Attach it to the waypoint with targetRefs.`
    },
    schema: ignoreNamespacesSchema("Namespaces whose AuthorizationPolicies are not checked."),
    defaultOptions: [{ ignoreNamespaces: [] }],
    hasSuggestions: true,
    defaultSeverity: "error",
    reads: reads(READS.access, READS.waypoints, READS.identities)
  },
  create(context) {
    const model = context.model;
    const td = model.mesh.trustDomain;
    const ignored2 = new Set(context.options[0]?.ignoreNamespaces ?? []);
    const access = /* @__PURE__ */ new Map();
    const accessOf = (c, s, port2) => {
      const key2 = `${c.principal}|${c.who}|${s.namespace}/${s.name}|${port2}`;
      let d = access.get(key2);
      if (!d) access.set(key2, d = checkAccess(model, { from: c.peer, to: { service: s }, port: port2 }));
      return d;
    };
    return {
      AuthorizationPolicy(p) {
        if (p.targetRefs.length > 0 || p.dryRun || p.action !== "ALLOW" && p.action !== "DENY" || isImplicitWaypointPolicy(p)) return;
        if (ignored2.has(p.namespace)) return;
        const pods = model.policyWorkloads(p).filter((w) => w.dataplane.mode === "ambient" && model.servicesOf(w).some((s) => model.waypointOfService(s)));
        if (pods.length === 0) return;
        if (waypointLikeEntries(model, p).length > 0) return;
        const callers = [];
        const seen = /* @__PURE__ */ new Set();
        for (const w of sourceWitnesses(p, td)) {
          const field = w.origin ? sourceField(p, w.origin.path) : "";
          const c = callerOf(model, w, field);
          if (!c || seen.has(`${c.principal}|${c.who}`)) continue;
          seen.add(`${c.principal}|${c.who}`);
          callers.push(c);
          if (callers.length >= MAX_WITNESSES) break;
        }
        if (callers.length === 0) return;
        const hits = [];
        const done = /* @__PURE__ */ new Set();
        for (const pod of pods) {
          const ztunnel = ztunnelPoliciesFor(model, pod);
          for (const s of model.servicesOf(pod)) {
            const binding = model.waypointOfService(s);
            if (!binding) continue;
            const ids = waypointPrincipals(model, binding);
            if (!binding.gateway && unknownPrincipalIn(model, p, binding.namespace)) continue;
            for (const c of callers) {
              if (ids.includes(c.principal)) continue;
              for (const sp of s.ports) {
                const port2 = targetPortOn(pod, sp);
                const triple = `${c.principal}|${c.who}|${s.namespace}/${s.name}|${sp.port}`;
                if (port2 === void 0 || done.has(triple)) continue;
                const own = evaluatePolicies(ztunnel, { principal: c.principal, port: port2, http: false }, "ztunnel");
                if (own.decidedBy?.policy !== p || own.decidedBy.rule === void 0) continue;
                if (p.action === "ALLOW" !== (own.decision === "ALLOW")) continue;
                const d = accessOf(c, s, sp.port);
                if (!viaWaypoint(d) || d.policyDecision?.enforcement !== "ztunnel") continue;
                let kind;
                if (p.action === "ALLOW" && d.decision === "DENY" && d.policyDecision.decidedBy?.rule === void 0) kind = "refused";
                else if (p.action === "DENY" && d.decision === "ALLOW") kind = "unstopped";
                else if (p.action === "DENY" && d.decision === "DENY" && d.policyDecision.decidedBy?.policy === p) kind = "denies-waypoint";
                if (kind) {
                  hits.push({ kind, caller: c, service: s, binding, port: sp.port });
                  done.add(triple);
                }
              }
            }
          }
        }
        if (hits.length === 0) return;
        const byRule = /* @__PURE__ */ new Map();
        for (const h of hits) {
          const key2 = `${h.caller.rule}|${h.kind}`;
          const list = byRule.get(key2);
          if (list) list.push(h);
          else byRule.set(key2, [h]);
        }
        for (const group of byRule.values()) {
          const first = group[0];
          const wp = first.binding;
          const ids = waypointPrincipals(model, wp);
          const services = [...new Set(group.map((h) => `Service ${h.service.namespace}/${h.service.name}`))];
          const ports = [...new Set(group.map((h) => String(h.port)))];
          const who = [...new Set(group.map((h) => h.caller.who))];
          const data = {
            name: p.name,
            services: listText3(services),
            ports: `${ports.length === 1 ? "port" : "ports"} ${listText3(ports)}`,
            isAre: services.length === 1 ? "is" : "are",
            waypoint: waypointLabel(wp),
            waypointIds: listText3(ids),
            clients: listText3(who)
          };
          const assumptions = model.assumptionsOf([...pods.filter((w) => group.some((h) => model.servicePods(h.service).includes(w))), ...group.map((h) => h.caller.peer.kind === "workload" ? h.caller.peer.workload : h.caller.peer.kind === "pod" ? h.caller.peer.dataplane : void 0)]);
          const at3 = { resource: p.resource, path: first.caller.path };
          const attach = () => ({ desc: `Enforce the DENY at the waypoint: attach it to ${services[0]}`, fix: waypointPolicyFix(p, first.service) });
          if (p.action === "ALLOW") {
            context.report({
              at: at3,
              messageId: "allowRefusesWaypoint",
              data,
              suggest: [
                () => ({ desc: `Admit the waypoint (${listText3(ids)}) in AuthorizationPolicy "${p.name}"`, fix: `# AuthorizationPolicy ${p.namespace}/${p.name}, spec.rules (add):
${(0, import_yaml4.stringify)([{ from: [{ source: { principals: ids } }] }])}` }),
                () => ({ desc: `Match the clients at the waypoint: attach the policy to ${services[0]}`, fix: waypointPolicyFix(p, first.service) })
              ],
              assumptions
            });
          } else if (first.kind === "denies-waypoint") {
            context.report({ at: at3, messageId: "denyMatchesWaypoint", data, suggest: [attach], assumptions });
          } else {
            context.report({ at: at3, messageId: "denyMissesClients", severity: "warn", data: { ...data, getOrGets: who.length === 1 ? "gets" : "get" }, suggest: [attach], assumptions });
          }
        }
      }
    };
  }
});

// src/generated/rules.ts
var RULES = [registerRule("allow-shadowed-by-deny", allow_shadowed_by_deny_default), registerRule("app-runs-as-proxy-uid", app_runs_as_proxy_uid_default), registerRule("authorization-unknown-host", authorization_unknown_host_default), registerRule("automtls-missing-destinationrule", automtls_missing_destinationrule_default), registerRule("competing-policies", competing_policies_default), registerRule("dataplane-conflict", dataplane_conflict_default), registerRule("deny-path-bypass", deny_path_bypass_default), registerRule("destinationrule-matches-nothing", destinationrule_matches_nothing_default), registerRule("destinationrule-merge-conflict", destinationrule_merge_conflict_default), registerRule("destinationrule-tls-unverified", destinationrule_tls_unverified_default), registerRule("envoyfilter-patches", envoyfilter_patches_default), registerRule("exportto-unknown-namespace", exportto_unknown_namespace_default), registerRule("gateway-api-listener-conflict", gateway_api_listener_conflict_default), registerRule("gateway-api-route-references", gateway_api_route_references_default), registerRule("image-auto-not-injected", image_auto_not_injected_default), registerRule("inbound-port-conflict", inbound_port_conflict_default), registerRule("intent-denied", intent_denied_default), registerRule("intent-shared-service-account", intent_shared_service_account_default), registerRule("intent-unknown-target", intent_unknown_target_default), registerRule("istio-annotations", istio_annotations_default), registerRule("istio-gateway-servers", istio_gateway_servers_default), registerRule("jwks-fetch-unrestricted", jwks_fetch_unrestricted_default), registerRule("jwt-claim-routing", jwt_claim_routing_default), registerRule("jwt-without-requestauthentication", jwt_without_requestauthentication_default), registerRule("knative-system-access", knative_system_access_default), registerRule("knative-webhook-strict-mtls", knative_webhook_strict_mtls_default), registerRule("l7-config-without-waypoint", l7_config_without_waypoint_default), registerRule("multiple-custom-providers", multiple_custom_providers_default), registerRule("negative-status-condition", negative_status_condition_default), registerRule("policy-selects-nothing", policy_selects_nothing_default), registerRule("principal-never-matches", principal_never_matches_default), registerRule("selector-ignored-in-ambient", selector_ignored_in_ambient_default), registerRule("service-port-protocol", service_port_protocol_default), registerRule("serviceentry-conflict", serviceentry_conflict_default), registerRule("sidecar-ineffective", sidecar_ineffective_default), registerRule("source-identity-without-mtls", source_identity_without_mtls_default), registerRule("target-port-not-found", target_port_not_found_default), registerRule("telemetry-conflicts", telemetry_conflicts_default), registerRule("telemetry-missing-provider", telemetry_missing_provider_default), registerRule("tls-mode-conflict", tls_mode_conflict_default), registerRule("undeclared-access", undeclared_access_default), registerRule("unknown-http-method", unknown_http_method_default), registerRule("unknown-namespace", unknown_namespace_default), registerRule("unreachable-route", unreachable_route_default), registerRule("use-waypoint-references", use_waypoint_references_default), registerRule("virtualservice-host-conflict", virtualservice_host_conflict_default), registerRule("virtualservice-references", virtualservice_references_default), registerRule("waypoint-bypass", waypoint_bypass_default), registerRule("waypoint-principal-mismatch", waypoint_principal_mismatch_default), registerRule("workload-without-authorization", workload_without_authorization_default), registerRule("workloadgroup-service-account", workloadgroup_service_account_default), registerRule("ztunnel-l7-policy", ztunnel_l7_policy_default), registerRule("ztunnel-policy-behind-waypoint", ztunnel_policy_behind_waypoint_default)];

// src/report/formatters/github.ts
import { isAbsolute as isAbsolute2, relative, resolve as resolve2, sep } from "node:path";
var github = (results, ctx) => {
  const lines = [];
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    if (r.messages.length === 0) continue;
    const file = displayPath(r.filePath, ctx.cwd, process.env);
    lines.push(`::group::${escapeData(file ?? r.filePath)}`);
    for (const m of r.messages) {
      if (m.severity === 2) errors++;
      else warnings++;
      lines.push(annotation(m, file));
    }
    lines.push("::endgroup::");
  }
  if (errors + warnings > 0) lines.push(`meshlint: ${count(errors, "error")} and ${count(warnings, "warning")}.`);
  return lines.length ? `${lines.join("\n")}
` : "";
};
function annotation(m, file) {
  const props = [];
  if (file !== void 0) props.push(`file=${escapeProperty(file)}`);
  props.push(`line=${m.line}`, `endLine=${m.endLine}`);
  if (m.line === m.endLine) props.push(`col=${m.column}`, `endColumn=${Math.max(m.endColumn, m.column)}`);
  props.push(`title=${escapeProperty(`meshlint ${m.ruleId}`)}`);
  return `::${m.severity === 2 ? "error" : "warning"} ${props.join(",")}::${escapeData(m.message)}`;
}
function escapeData(s) {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function displayPath(file, cwd, env2) {
  if (file.startsWith("<")) return void 0;
  for (const base of env2.GITHUB_WORKSPACE ? [resolve2(cwd, env2.GITHUB_WORKSPACE), cwd] : [cwd]) {
    const rel = relative(base, resolve2(cwd, file));
    if (rel !== "" && !rel.startsWith("..") && !isAbsolute2(rel)) return rel.split(sep).join("/");
  }
  return file;
}
function count(n, what) {
  return `${n} ${what}${n === 1 ? "" : "s"}`;
}

// src/report/formatters/json.ts
function message(m) {
  return {
    ruleId: m.ruleId,
    ...m.messageId ? { messageId: m.messageId } : {},
    severity: m.severity,
    message: m.message,
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
    ...m.fatal ? { fatal: true } : {},
    ...suggestionFields(m),
    ...m.related ? { related: m.related } : {},
    ...m.assumptions ? { assumptions: m.assumptions } : {},
    ...m.fix ? { fix: m.fix } : {}
  };
}
function suggestionFields(m) {
  if (!m.suggestions?.length) return {};
  const edits = m.suggestions.filter((s) => s.edit);
  const hints = m.suggestions.filter((s) => !s.edit);
  return {
    ...edits.length ? { suggestions: edits.map((s) => ({ desc: s.desc, fix: s.edit, data: { yaml: s.fix } })) } : {},
    ...hints.length ? { hints: hints.map((s) => ({ desc: s.desc, yaml: s.fix })) } : {}
  };
}
function suppressed(m) {
  return { ...message(m), suppressions: m.suppressions.map((s) => ({ kind: s.kind, justification: s.justification })) };
}
function eslintResults(results) {
  return results.map((r) => ({
    filePath: r.filePath,
    messages: r.messages.map(message),
    suppressedMessages: (r.suppressedMessages ?? []).map(suppressed),
    errorCount: r.errorCount,
    fatalErrorCount: r.fatalErrorCount,
    warningCount: r.warningCount,
    fixableErrorCount: r.messages.filter((m) => m.fix && m.severity === 2).length,
    fixableWarningCount: r.messages.filter((m) => m.fix && m.severity === 1).length,
    ...r.source !== void 0 ? { source: r.source } : {},
    ...r.output !== void 0 ? { output: r.output } : {},
    usedDeprecatedRules: []
  }));
}
var json = (results) => JSON.stringify(eslintResults(results));

// src/report/formatters/sarif.ts
import { createHash } from "node:crypto";
import { isAbsolute as isAbsolute3, relative as relative2, sep as sep2 } from "node:path";
import { pathToFileURL as pathToFileURL2 } from "node:url";

// package.json
var package_default = {
  name: "meshlint",
  version: "0.1.0",
  description: "Static analyzer for service-mesh (Istio, ambient, Knative) manifests",
  type: "module",
  license: "Apache-2.0",
  engines: {
    node: ">=20"
  },
  bin: {
    meshlint: "dist/cli.js",
    "meshlint-language-server": "dist/language-server.js"
  },
  main: "dist/index.js",
  types: "dist/types/src/index.d.ts",
  exports: {
    ".": {
      types: "./dist/types/src/index.d.ts",
      default: "./dist/index.js"
    },
    "./rule-tester": {
      types: "./dist/types/src/rule-tester.d.ts",
      default: "./dist/rule-tester.js"
    },
    "./package.json": "./package.json"
  },
  files: [
    "dist",
    "!dist/**/*.map",
    "!dist/action.js",
    "rules/*/README.md",
    "docs/diagnostics.md",
    "docs/writing-rules.md",
    "schema",
    "README.md"
  ],
  scripts: {
    build: "node scripts/build.mjs",
    prepare: "node scripts/prepare.mjs",
    typecheck: "node scripts/gen-rules.mjs && tsc --noEmit",
    pretest: "node scripts/gen-rules.mjs",
    test: "vitest run",
    "fixtures:update": "UPDATE_FIXTURES=1 vitest run test/fixtures.test.ts",
    docs: "node scripts/gen-rule-docs.mjs && node scripts/gen-rules.mjs && node scripts/gen-coverage.mjs",
    bench: "node scripts/bench.mjs",
    fuzz: "node scripts/fuzz.mjs"
  },
  dependencies: {
    elkjs: "^0.12.1"
  },
  optionalDependencies: {
    "@eslint/core": "^1.2.1",
    "@types/json-schema": "^7.0.15",
    "@types/unist": "^3.0.3",
    unified: "^11.0.5",
    vfile: "^6.0.3",
    "vfile-message": "^4.0.4",
    yaml: "^2.9.1"
  },
  devDependencies: {
    "@eslint/core": "^1.2.1",
    "@marcbachmann/cel-js": "^8.0.0",
    "@microsoft/sarif-multitool": "^5.7.0",
    "@types/json-schema": "^7.0.15",
    "@types/node": "^20.19.43",
    "@types/picomatch": "^4.0.3",
    "@types/sarif": "^2.1.7",
    "@types/unist": "^3.0.3",
    ajv: "^8.20.0",
    "ajv-formats": "^3.0.1",
    commander: "^14.0.3",
    esbuild: "^0.28.2",
    "eslint-formatter-checkstyle": "^9.0.1",
    "eslint-formatter-junit": "^9.0.1",
    "fast-check": "^4.10.2",
    ignore: "^7.0.16",
    picomatch: "^4.0.7",
    "playwright-core": "^1.65.1",
    publint: "^0.3.25",
    typescript: "^5.9.3",
    unified: "^11.0.5",
    "unist-util-visit": "^5.2.0",
    vfile: "^6.0.3",
    "vfile-message": "^4.0.4",
    "vfile-reporter": "^8.1.1",
    vitest: "^4.1.12",
    "vscode-jsonrpc": "^10.0.0",
    "vscode-languageserver": "^11.0.0",
    "vscode-languageserver-protocol": "^3.18.5",
    "vscode-languageserver-textdocument": "^1.0.16",
    yaml: "^2.9.1"
  },
  homepage: "https://github.com/meshlint/meshlint",
  keywords: [
    "istio",
    "ambient",
    "ztunnel",
    "knative",
    "linter",
    "kubernetes",
    "authorizationpolicy",
    "service-mesh"
  ]
};

// src/version.ts
var VERSION = package_default.version;
var HOMEPAGE = "https://github.com/meshlint/meshlint";

// src/generated/docs.ts
var RULE_DOCS = {
  "allow-shadowed-by-deny": '# allow-shadowed-by-deny\n\n> An ALLOW rule can never allow anything: a DENY policy on the same workloads matches every request it admits.\n\nDefault severity: **warning**.\n\n## What happens at runtime\n\nEnvoy (sidecars, gateways, waypoints) and ztunnel evaluate AuthorizationPolicies in a fixed order:\nCUSTOM, then **DENY**, then ALLOW. A request that any DENY rule matches is refused before any ALLOW\npolicy is looked at. So when a DENY policy applies to every pod an ALLOW policy applies to, and one\nof its rules matches every request an ALLOW rule matches, that ALLOW rule is dead: whatever it was\nwritten to let in is refused. The classic case is a "lockdown" DENY with an empty rule (`rules: [{}]`)\nleft beside the ALLOW policies that were meant to open specific paths.\n\nA DENY applies to all of the ALLOW\'s pods when it has no selector (its namespace; the whole mesh from\nthe root namespace), when its selector\'s labels are a subset of the ALLOW\'s selector, or when every\nworkload of the input that the ALLOW selects is also selected by the DENY. For waypoint policies\n(`targetRefs`) both must target the same objects.\n\nA DENY rule covers an ALLOW rule when each of its parts accepts everything the ALLOW rule\'s part\naccepts: every `from` entry of the ALLOW is covered by some `from` entry of the DENY (field by field:\n`namespaces: ["legacy-*"]` covers `namespaces: ["legacy-batch"]`; `paths: ["/admin/*"]` covers\n`paths: ["/admin/users"]`), likewise for `to`, and every `when` condition of the DENY is implied by\none of the ALLOW\'s. The check is conservative: with negations (`notNamespaces`\u2026) it reports only\nwhen the ALLOW rule excludes at least the same values, and it never guesses across different fields\n(a `principals` entry is not compared with a `namespaces` one), so it may miss a shadow but does not\nreport one that is not there. On ambient pods without waypoint, rules with HTTP attributes are left\nto `ztunnel-l7-policy`, since ztunnel rewrites them. Dry-run DENY policies (`istio.io/dry-run` true\nfor Go\'s `strconv.ParseBool`: `true`, `True`, `1`\u2026) only log and shadow nothing, and a DENY with the\nALLOW\'s own namespace and name is another version of the same object (two files, two overlays), not\na second policy beside it.\n\n## How to fix\n\nDecide which policy is right. If the ALLOW is intended, carve its traffic out of the DENY rule, for\nexample with `notPrincipals`, `notNamespaces` or `notPaths`; if the DENY is intended, remove the dead\nALLOW rule so nobody relies on it.\n\n## Examples\n\n<!-- examples: deny-empty-rule-beside-allow (policies.yaml), deny-path-prefix-covers-allow-path (policies.yaml), ok-deny-with-exception (policies.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/allow-shadowed-by-deny/deny-empty-rule-beside-allow):\n\n`policies.yaml`:\n\n```yaml\n# A DENY with an empty rule matches every request, so the ALLOW below never takes effect.\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: lockdown\n  namespace: shop\nspec:\n  action: DENY\n  rules:\n  - {}\n---\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: cart-from-frontend\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: cart\n  action: ALLOW\n  rules:\n  - from:\n    - source:\n        principals: ["cluster.local/ns/shop/sa/frontend"]\n```\n\nAlso in the case, not shown: `workloads.yaml`.\n\nmeshlint reports:\n\n```text\npolicies.yaml:23:5: AuthorizationPolicy "cart-from-frontend" can never allow anything: DENY policy "shop/lockdown" (rule 0) applies to the same workloads and matches every request this rule admits, and DENY is evaluated first. Narrow the DENY rule, or remove this ALLOW rule if the DENY is intended. [allow-shadowed-by-deny]\n```\n\nIncorrect (fixtures/allow-shadowed-by-deny/deny-path-prefix-covers-allow-path):\n\n`policies.yaml`:\n\n```yaml\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: no-admin\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: cart\n  action: DENY\n  rules:\n  - to:\n    - operation:\n        paths: ["/admin/*"]\n---\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: cart-access\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: cart\n  rules:\n  - to:\n    - operation:\n        methods: ["GET"]\n        paths: ["/api/*"]\n  - from:\n    - source:\n        namespaces: ["ops"]\n    to:\n    - operation:\n        methods: ["GET", "POST"]\n        paths: ["/admin/users", "/admin/roles"]\n```\n\nAlso in the case, not shown: `workloads.yaml`.\n\nmeshlint reports:\n\n```text\npolicies.yaml:30:5: Rule 1 of AuthorizationPolicy "cart-access" can never allow anything: DENY policy "shop/no-admin" (rule 0) applies to the same workloads and matches every request this rule admits, and DENY is evaluated first. Narrow the DENY rule, or remove this ALLOW rule if the DENY is intended. [allow-shadowed-by-deny]\n```\n\nCorrect (fixtures/allow-shadowed-by-deny/ok-deny-with-exception):\n\n`policies.yaml`:\n\n```yaml\n# The DENY spares the namespace the ALLOW admits.\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: only-shop\n  namespace: shop\nspec:\n  action: DENY\n  rules:\n  - from:\n    - source:\n        notNamespaces: ["shop"]\n---\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: cart-from-shop\n  namespace: shop\nspec:\n  rules:\n  - from:\n    - source:\n        namespaces: ["shop"]\n```\n\nAlso in the case, not shown: `workloads.yaml`.\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\nIn each case `workloads.yaml` holds the sidecar-injected namespace `shop` and Deployment\n`shop/cart` (`app: cart`). Also correct: a DENY that does not overlap the ALLOW\n(fixtures/allow-shadowed-by-deny/ok-deny-narrower-than-allow).\n\n## Sources\n\n- istio/api `security/v1beta1/authorization_policy.proto` \u2014 evaluation order CUSTOM, DENY, ALLOW.\n- istio `pilot/pkg/security/authz/builder/builder.go` \u2014 DENY and ALLOW become separate RBAC filters, DENY first.\n- istio `pilot/pkg/security/authz/model/model.go` \u2014 how `from`, `to` and `when` combine (AND), entries (OR).\n- ztunnel `src/rbac.rs` \u2014 the same order at ztunnel.\n- istio `pilot/pkg/security/authz/builder/builder.go` `isDryRun` \u2014 the annotation is read with\n  `strconv.ParseBool`; dry-run rules go to the shadow engine only.\n\n## Aliases\n\nNone. Kiali and `istioctl analyze` do not compare DENY and ALLOW policies.\n',
  "app-runs-as-proxy-uid": "# app-runs-as-proxy-uid\n\n> An application container of a sidecar pod runs as UID or GID 1337, the proxy's, so its outbound traffic bypasses the sidecar.\n\nDefault severity: **warning**.\n\n## What happens at runtime\n\nThe injected `istio-proxy` container runs as UID and GID 1337, and the iptables rules `istio-init`\n(or istio-cni) writes into the pod let that user's and that group's packets leave without being\nredirected \u2014 otherwise Envoy's own connections would loop back into it (`ISTIO_OUTPUT ... -m owner\n--uid-owner 1337 -j RETURN`, the same with `--gid-owner`). An application container running as\nthe same UID (`proxyUid`) or primary GID (`proxyGid`) is taken for the proxy: its outbound\nconnections go straight to their destination, without mTLS, VirtualService routing, retries,\negress policy or telemetry; a STRICT PeerAuthentication at the destination then refuses them.\n\nThe UID is the container's `securityContext.runAsUser`, else the pod's; the GID its `runAsGroup`,\nelse the pod's. In a namespace annotated `openshift.io/sa.scc.uid-range` or\n`\u2026/supplemental-groups`, the injector runs the proxy with the namespace's preallocated ids\ninstead (`GetProxyIDs`), and nothing is reported. Only pods with a sidecar are judged (istio-cni's ambient capture marks ztunnel's packets rather than matching a user); the\n`istio-proxy` and `istio-operator` containers and Istio's own workloads (labelled `istio` or\n`release: istio`) are skipped. istioctl (IST0144) reports the UID on any pod, mesh or not, and a\npod-level 1337 that every container overrides; meshlint reports where a container really runs as\n1337 behind a sidecar, and a GID 1337 too.\n\n## How to fix\n\nRun the application as another UID (`runAsUser`), or in the image.\n\n## Examples\n\n<!-- examples: runs-as-1337, ok-other-uid-or-no-sidecar -->\n<!-- examples:start -->\n\nIncorrect (fixtures/app-runs-as-proxy-uid/runs-as-1337):\n\n`apps.yaml`:\n\n```yaml\n# Adapted from istio pkg/config/analysis/analyzers/testdata/pod-sec-uid.yaml and\n# deployment-con-sec-uid.yaml (Apache-2.0), in an injected namespace.\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: hello\n  labels:\n    istio-injection: enabled\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: pod-sec-uid\n  namespace: hello\n  labels:\n    app: helloworld\n    version: v2\nspec:\n  securityContext:\n    runAsUser: 1337\n  containers:\n  - name: helloworld\n    image: registry.istio.io/release/examples-helloworld-v2\n    ports:\n    - containerPort: 5000\n  - name: logger\n    image: example/logger:1.0\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: deploy-con-sec-uid\n  namespace: hello\n  labels:\n    app: helloworld\n    version: v1\nspec:\n  selector:\n    matchLabels:\n      app: helloworld\n      version: v1\n  template:\n    metadata:\n      labels:\n        app: helloworld\n        version: v1\n    spec:\n      securityContext:\n        runAsUser: 1000\n        runAsGroup: 1337\n      containers:\n      - name: helloworld\n        image: registry.istio.io/release/examples-helloworld-v1\n        securityContext:\n          runAsUser: 1337\n        ports:\n        - containerPort: 5000\n```\n\nmeshlint reports:\n\n```text\napps.yaml:20:16: Pod \"pod-sec-uid\" runs containers \"helloworld\" and \"logger\" as UID 1337, the sidecar proxy's user: the pod's iptables rules let that user's traffic out unredirected, so its outbound connections bypass the sidecar (no mTLS, routing or egress policy). Run it as another UID. [app-runs-as-proxy-uid]\napps.yaml:50:21: Deployment \"deploy-con-sec-uid\" runs container \"helloworld\" with GID 1337, the sidecar proxy's group: the pod's iptables rules let that group's traffic out unredirected, so its outbound connections bypass the sidecar (no mTLS, routing or egress policy). Run it with another group. [app-runs-as-proxy-uid]\napps.yaml:55:22: Deployment \"deploy-con-sec-uid\" runs container \"helloworld\" as UID 1337, the sidecar proxy's user: the pod's iptables rules let that user's traffic out unredirected, so its outbound connections bypass the sidecar (no mTLS, routing or egress policy). Run it as another UID. [app-runs-as-proxy-uid]\n```\n\nCorrect (fixtures/app-runs-as-proxy-uid/ok-other-uid-or-no-sidecar):\n\n`apps.yaml`:\n\n```yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: hello\n  labels:\n    istio-injection: enabled\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: ambient\n  labels:\n    istio.io/dataplane-mode: ambient\n---\n# The pod's UID 1337 is overridden by the only container.\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: overridden\n  namespace: hello\nspec:\n  selector:\n    matchLabels:\n      app: overridden\n  template:\n    metadata:\n      labels:\n        app: overridden\n    spec:\n      securityContext:\n        runAsUser: 1337\n      containers:\n      - name: app\n        image: example/app:1.0\n        securityContext:\n          runAsUser: 1000\n---\n# A custom proxy container may run as the proxy's user.\napiVersion: v1\nkind: Pod\nmetadata:\n  name: custom-proxy\n  namespace: hello\nspec:\n  containers:\n  - name: app\n    image: example/app:1.0\n  - name: istio-proxy\n    image: auto\n    securityContext:\n      runAsUser: 1337\n---\n# Ambient capture does not look at the user.\napiVersion: v1\nkind: Pod\nmetadata:\n  name: ambient-app\n  namespace: ambient\nspec:\n  securityContext:\n    runAsUser: 1337\n  containers:\n  - name: app\n    image: example/app:1.0\n---\n# On OpenShift the injector runs the proxy with the namespace's preallocated UID and GID, not 1337.\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: openshift-app\n  labels:\n    istio-injection: enabled\n  annotations:\n    openshift.io/sa.scc.uid-range: 1000680000/10000\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: uid-1337\n  namespace: openshift-app\nspec:\n  securityContext:\n    runAsUser: 1337\n  containers:\n  - name: app\n    image: example/app:1.0\n```\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- istio `tools/istio-iptables/pkg/capture/run.go` \u2014 the `ISTIO_OUTPUT` rules that return the\n  proxy user's traffic unredirected.\n- istio `pkg/kube/inject/inject.go` \u2014 `GetProxyIDs`: the proxy's UID and GID.\n- istio `pkg/config/analysis/analyzers/deployment/pod.go` \u2014 istioctl's check.\n\n## Aliases\n\n- `IST0144` (istioctl analyze, InvalidApplicationUID) \u2014 `proxyUid`.\n",
  "authorization-unknown-host": '# authorization-unknown-host\n\n> An AuthorizationPolicy names a Service host (name.namespace.svc.cluster.local) in to.operation.hosts that no Service or ServiceEntry provides.\n\nDefault severity: **warning**.\n\n## What happens at runtime\n\n`to.operation.hosts` and `notHosts` match the request\'s `Host` (`:authority`) header, without\ncase and without the port. A value that is a Kubernetes Service host\n(`<name>.<namespace>.svc.cluster.local`, with or without `:port`) of a Service that does not exist\nis a header no client of the mesh sends to a real Service: in an ALLOW rule the entry admits\nnothing (if it was the only one, the callers it was meant for are refused), in a DENY rule it\ndenies nothing, in `notHosts` it excludes nothing. Usually it is a typo or a renamed Service.\n\nOther values are not judged: external names (`shop.example.com`) are what clients of a gateway\nsend, and wildcards match by prefix or suffix. A Service host is reported only when the input\ndeclares its namespace (or with `--complete`), and no ServiceEntry declares the host.\n\n## How to fix\n\nName the Service that exists, or remove the entry.\n\n## Examples\n\n<!-- examples: service-host-typo, ok-hosts -->\n<!-- examples:start -->\n\nIncorrect (fixtures/authorization-unknown-host/service-host-typo):\n\n`policy.yaml`:\n\n```yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: cart\n  namespace: shop\nspec:\n  selector:\n    app: cart\n  ports:\n  - name: http\n    port: 8080\n---\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: cart-hosts\n  namespace: shop\nspec:\n  action: ALLOW\n  rules:\n  - to:\n    - operation:\n        hosts: ["cart.shop.svc.cluster.local", "carts.shop.svc.cluster.local:8080"]\n```\n\nmeshlint reports:\n\n```text\npolicy.yaml:28:48: AuthorizationPolicy "cart-hosts" names host "carts.shop.svc.cluster.local:8080" in "hosts", but namespace shop has no Service "carts" (nor does a ServiceEntry declare the host): no request is addressed to it, so the entry admits nothing. Fix the Service name, or remove the entry. [authorization-unknown-host]\n```\n\nCorrect (fixtures/authorization-unknown-host/ok-hosts):\n\n`policy.yaml`:\n\n```yaml\n# External Host headers (gateways), wildcards, and Services of namespaces the input does not\n# declare are not judged.\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: cart\n  namespace: shop\nspec:\n  selector:\n    app: cart\n  ports:\n  - name: http\n    port: 8080\n---\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: cart-hosts\n  namespace: shop\nspec:\n  action: ALLOW\n  rules:\n  - to:\n    - operation:\n        hosts: ["CART.shop.svc.cluster.local:8080", "shop.example.com", "*.shop.svc.cluster.local", "payments.billing.svc.cluster.local"]\n```\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- istio `pilot/pkg/security/authz/model/generator.go` \u2014 `hostGenerator`: `hosts` match the\n  `:authority` header, case-insensitively, by exact, prefix, suffix or presence.\n- istio `pilot/pkg/model/push_context.go` \u2014 the service registry (Services and ServiceEntries).\n\n## Aliases\n\n- `KIA0104` (Kiali, `business/checkers/authorization/no_host_checker.go`) \u2014 Kiali also resolves\n  short names against the policy\'s namespace; meshlint judges only full Service hosts, since a\n  short `Host` header is what clients send, not a registry name. istioctl has no such check (it\n  was removed for its false positives on gateway hosts, istio/istio#24710).\n',
  "automtls-missing-destinationrule": '# automtls-missing-destinationrule\n\n> With auto mTLS off, Envoy clients send plaintext to STRICT mTLS workloads because no DestinationRule with `tls.mode: ISTIO_MUTUAL` covers the host and port for them.\n\nDefault severity: **error**.\n\n## What happens at runtime\n\n`meshConfig.enableAutoMtls` (default `true`) lets istiod configure every Envoy client \u2014 sidecars and\nIstio gateways \u2014 to originate Istio mTLS toward pods that have a sidecar. When it is `false`, an\nEnvoy client originates mTLS only when the DestinationRule it uses for the destination says\n`tls.mode: ISTIO_MUTUAL`; otherwise it sends plaintext (`buildUpstreamTLSSettings` returns no TLS).\nA sidecar whose effective PeerAuthentication mode on the port is **STRICT** refuses plaintext: the\nconnection is reset and the caller sees a 503 (`upstream connect error \u2026 reset before headers`).\n\nThe rule looks, for every Service port whose pods run a sidecar and are STRICT on the target port\n(PeerAuthentication of the workload \u2014 port-level first \u2014 then of the namespace, then of the mesh), at\nwhich DestinationRule each Envoy client would use, exactly as istiod picks it:\n\n1. rules in the **client\'s own namespace** (a client in the root namespace looks only at the root\n   namespace\'s private rules \u2014 `exportTo` its own namespace only \u2014 here);\n2. else rules **exported from the Service\'s namespace**;\n3. else rules **exported from the root namespace** (mesh-wide defaults).\n\nWithin each step the most specific host wins (the exact FQDN, then the longest wildcard:\n`*.ns.svc.cluster.local` before `*.local` before `*`), and the first step that matches decides \u2014\neven when its match is a wildcard and a later step has the exact host. Short hosts (`reviews`) are\nresolved against the DestinationRule\'s namespace; a host with a dot (`reviews.bookinfo`) is taken as\nwritten and matches no Service. `exportTo` limits who sees a rule in steps 2 and 3, and it is checked\n*after* the most specific match: a most specific rule not exported to the client hides the less\nspecific ones of that namespace. A rule with a `workloadSelector` is never exported and applies\nonly to the pods it selects; if the only rules for the host in the client\'s namespace have\nselectors that do not select the client, the client has no DestinationRule at all. Rules for the\nsame host in one namespace are merged and the first one\'s `trafficPolicy` wins (creation time, then\nname). A `portLevelSettings` entry for the Service port replaces the top-level policy for that port:\nits TLS is **not** inherited, so an entry with only `loadBalancer` turns mTLS off for that port.\n\nWhich clients: namespaces with a sidecar pod in the input, namespaces labelled for injection\n(`istio-injection=enabled`, `istio.io/rev`), namespaces with an Istio gateway, and the Service\'s own\nnamespace (unless the input lists its pods and none has a sidecar); a namespace that only holds DestinationRules (its pods not in the input) is counted as\n"any Envoy clients in namespace \u2026". Where a namespace has workload-selector DestinationRules its\nsidecar workloads are judged one by one. The message names each group of clients and why it gets no\n`ISTIO_MUTUAL`: no rule at all, a rule that sets no `tls` (and which wildcard `ISTIO_MUTUAL` rule it\nhides), a port entry without `tls`, or a selector that leaves the client out.\nRelated locations (JSON, SARIF) carry the rest: the STRICT PeerAuthentication and the workloads it\ncovers, where `enableAutoMtls: false` is set, the DestinationRule each group of clients uses (with the\nlookup step that found it, or the port entry that replaces its `tls`), the `ISTIO_MUTUAL` rule it hides\nand why, and the `workloadSelector` that leaves a client out.\n\nNot reported:\n\n- `enableAutoMtls` on (the default): clients originate mTLS on their own.\n- **Ambient** destinations: sidecars reach ztunnel-captured pods over HBONE, which is mTLS whatever\n  the DestinationRule says (`applyHBONETransportSocketMatches`), and ztunnel and waypoints never read\n  DestinationRule TLS or `enableAutoMtls`. Ambient clients are not Envoy clients, so their\n  namespaces are never listed (ambient-client-namespace-not-listed). Whether ztunnel reaches a\n  STRICT *sidecar* pod depends on what the pod advertises (`networking.istio.io/tunnel: http`, or\n  legacy Istio mTLS where istiod enables it: `setTunnelProtocol` in\n  `pilot/pkg/serviceregistry/ambient/workloads.go`), never on DestinationRules.\n- PERMISSIVE or DISABLE destinations (they accept plaintext), pods without sidecar, and Service\n  ports whose pods are not in the input.\n- Explicit `DISABLE`, `SIMPLE` or `MUTUAL` toward STRICT pods: that is `tls-mode-conflict`.\n\nThe rule reports at the Service port and at the STRICT PeerAuthentication (`spec.mtls.mode`, or the\n`portLevelMtls` entry) that makes the port STRICT.\n\n## How to fix\n\nMake the DestinationRule that the clients actually use say `ISTIO_MUTUAL` \u2014 the suggestion names\nit: add `tls` to the rule that sets none (or to its port entry), or add a rule for the host:\n\n```yaml\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: httpbin-istio-mutual\n  namespace: foo\nspec:\n  host: "httpbin.foo.svc.cluster.local"\n  trafficPolicy:\n    tls:\n      mode: ISTIO_MUTUAL\n```\n\nFor a whole mesh, the Istio 1.4 docs\' default in the root namespace (`host: "*.local"`) does it, as\nlong as no namespace-local or service-namespace rule without `tls` takes precedence. Or turn auto\nmTLS back on (`meshConfig.enableAutoMtls: true`), or keep the destination PERMISSIVE until the\nDestinationRules exist.\n\n## Examples\n\nThe Istio docs\' *Mutual TLS Migration* task with auto mTLS off; then the mesh-wide `*.local`\nISTIO_MUTUAL DestinationRule of the Istio 1.4 *Authentication Policy* task, which makes every\nclient send mTLS:\n\n<!-- examples: docs-mtls-migration-mesh-strict (istio-operator.yaml, peerauthentication.yaml), ok-docs-mesh-wide-dr-local (.meshlint.yaml, mtls.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/automtls-missing-destinationrule/docs-mtls-migration-mesh-strict):\n\n`istio-operator.yaml`:\n\n```yaml\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: control-plane\n  namespace: istio-system\nspec:\n  meshConfig:\n    enableAutoMtls: false\n```\n\n`peerauthentication.yaml`:\n\n```yaml\n# Lock down mutual TLS for the entire mesh\napiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: default\n  namespace: istio-system\nspec:\n  mtls:\n    mode: STRICT\n```\n\nAlso in the case, not shown: `namespaces.yaml`, `workloads.yaml`.\n\nmeshlint reports:\n\n```text\npeerauthentication.yaml:9:11: PeerAuthentication istio-system/default makes Service ports foo/httpbin:8000 and bar/httpbin:8000 STRICT while auto mTLS is off, and no DestinationRule gives sidecars and gateways in namespaces bar and foo ISTIO_MUTUAL: their plaintext is refused. Add DestinationRules with ISTIO_MUTUAL first, or stay PERMISSIVE. [automtls-missing-destinationrule]\nworkloads.yaml:10:5: Service foo/httpbin:8000 is STRICT (PeerAuthentication istio-system/default) and auto mTLS is off, but no DestinationRule applies to sidecars and gateways in namespaces bar and foo: they send plaintext and every request is reset (503). Add tls.mode ISTIO_MUTUAL as suggested, or turn auto mTLS on. [automtls-missing-destinationrule]\nworkloads.yaml:64:5: Service bar/httpbin:8000 is STRICT (PeerAuthentication istio-system/default) and auto mTLS is off, but no DestinationRule applies to sidecars and gateways in namespaces bar and foo: they send plaintext and every request is reset (503). Add tls.mode ISTIO_MUTUAL as suggested, or turn auto mTLS on. [automtls-missing-destinationrule]\n```\n\nCorrect (fixtures/automtls-missing-destinationrule/ok-docs-mesh-wide-dr-local):\n\n`.meshlint.yaml`:\n\n```yaml\nmesh:\n  enableAutoMtls: false\n```\n\n`mtls.yaml`:\n\n```yaml\napiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: default\n  namespace: istio-system\nspec:\n  mtls:\n    mode: STRICT\n---\n# Istio 1.4 docs, Authentication Policy, "Globally enabling Istio mutual TLS": with auto mTLS off the\n# mesh-wide DestinationRule in the root namespace makes every client originate Istio mTLS.\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: default\n  namespace: istio-system\nspec:\n  host: "*.local"\n  trafficPolicy:\n    tls:\n      mode: ISTIO_MUTUAL\n```\n\nAlso in the case, not shown: `namespaces.yaml`, `workloads.yaml`.\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\nAlso incorrect: the task\'s service-specific policy without its DestinationRule\n(service-specific-policy-without-destinationrule; with it: ok-docs-service-specific-policy); a\nload-balancing DestinationRule for `httpbin` in its namespace that hides the mesh-wide `*.local`\nISTIO_MUTUAL rule (specific-dr-without-tls-hides-mesh-wide); a `*.local` rule without `tls` in the\nclient\'s namespace that wins over an exact ISTIO_MUTUAL rule elsewhere\n(client-namespace-wildcard-wins); `exportTo: ["."]` leaving other namespaces out\n(dr-exportto-excludes-client-namespace); ISTIO_MUTUAL on one port only\n(port-level-istio-mutual-on-one-port); a root-namespace rule exported to `.` only, which covers\nthe ingress gateway in the root namespace and no sidecar elsewhere\n(root-namespace-private-dr-covers-only-gateway); a port entry without `tls`\n(port-level-entry-replaces-top-level-tls); `host: httpbin.foo` (host-with-namespace-suffix-is-not-resolved).\n\nAlso correct: a namespace-wide `*.foo.svc.cluster.local` rule (ok-namespace-wide-dr), a short host\nresolved in the rule\'s namespace (ok-short-host-resolved-in-rule-namespace), a port-level\nPERMISSIVE exception on the target port (ok-port-level-permissive-on-target-port), an ambient\ndestination (ok-ambient-destination).\n\n## Sources\n\n- istio `pilot/pkg/networking/core/cluster_tls.go` \u2014 `buildUpstreamTLSSettings` (no TLS when the\n  rule sets none and auto mTLS is off), `applyHBONETransportSocketMatches` (HBONE to ambient pods).\n- istio `pilot/pkg/model/push_context.go` \u2014 `destinationRule`, `getExportedDestinationRuleFromNamespace`,\n  `setDestinationRules` (the lookup order, `exportTo`, namespace-local and exported indexes);\n  `pilot/pkg/model/destination_rule.go` \u2014 `mergeDestinationRule`; `pilot/pkg/model/config.go` \u2014\n  `ResolveShortnameToFQDN`, `MostSpecificHostMatch`; `pilot/pkg/model/sidecar.go` \u2014\n  `SidecarScope.DestinationRule` (workload selectors); `pilot/pkg/networking/util/util.go` \u2014\n  `GetPortLevelTrafficPolicy` (port settings replace, not inherit); the lookup is reproduced in\n  `src/mtls/destination-rule.ts`, tested with the cases of `push_context_test.go`.\n- istio `pilot/pkg/features/ambient.go` \u2014 `PILOT_ENABLE_SENDING_HBONE` (on with ambient);\n  `pilot/pkg/xds/endpoints/endpoint_builder.go` \u2014 `supportTunnel`.\n- Istio docs: *Mutual TLS Migration* (tasks/security/authentication/mtls-migration), *Automatic\n  mutual TLS* (tasks/security/authentication/auto-mtls), *PeerAuthentication* reference\n  ("the port value in the portLevelMtls field refers to the port of the workload").\n\n## Aliases\n\nKiali **KIA0401** ("Mesh-wide Destination Rule enabling mTLS is missing") and **KIA0501**\n("Destination Rule enabling namespace-wide mTLS is missing"). Kiali only looks for a mesh- or\nnamespace-wide DestinationRule; this rule resolves the rule each client actually uses, per host and\nport. Istio\'s retired analyzer IST0113 (MTLSPolicyConflict) covered the same ground.\n\nKiali **KIA0204** ("mTLS settings of a non-local Destination Rule are overridden",\n`business/checkers/destinationrules/traffic_policy_checker.go`): a DestinationRule of a host that\nsets no TLS beside a mesh- or namespace-wide one with `ISTIO_MUTUAL`. istiod does not merge them\n(the client uses the most specific), so the wide rule\'s mTLS is lost for that host; it matters when\nauto mTLS is off and the pods are STRICT, which this rule reports (`specific-dr-without-tls-hides-mesh-wide`).\nWith auto mTLS on, istiod sends Istio mTLS anyway and Kiali\'s warning has no effect.\n',
  "competing-policies": '# competing-policies\n\n> Several PeerAuthentications, or several Sidecars, of one scope apply to the same workloads:\n> istiod applies only the oldest and ignores the others.\n\nDefault severity: **warning**.\n\n## What happens at runtime\n\nA proxy gets **one** PeerAuthentication per scope and **one** Sidecar:\n\n- **PeerAuthentication**: istiod composes the workload\'s mTLS settings from the mesh-wide policy\n  (root namespace, no selector), the namespace-wide one (no selector) and the workload one (a\n  selector that matches the pod). When a scope holds several \u2014 two namespace-wide policies in one\n  namespace, two mesh-wide ones, or two policies whose selectors both match a pod \u2014 it takes the\n  **oldest** (by `creationTimestamp`, then by name) and ignores the others entirely, their\n  port-level settings included.\n- **Sidecar**: istiod sorts Sidecars by creation time and gives a proxy the first whose\n  `workloadSelector` matches it, else the first of its namespace without a selector (then the root\n  namespace\'s). Istio\'s documentation calls several selector-less Sidecars in a namespace, or\n  several that select one workload, undefined behaviour.\n\nSo which mode a pod enforces, or which egress hosts its sidecar knows, depends on the order the\nobjects were created: recreating them (a restore, a new cluster, a GitOps sync in another order)\nchanges it silently. The message names the one that applies when every policy carries a\n`creationTimestamp`, and lists the modes of the competing PeerAuthentications.\n\nWorkload-level overlaps are reported only for workloads of the input (a selector that matches no\npod of the input competes with nothing it can see). RequestAuthentications are not checked: istiod\ncombines all that apply.\n\n## How to fix\n\nKeep one PeerAuthentication (or Sidecar) without a selector per namespace, and give workload-level\nones selectors that no pod matches twice \u2014 or merge the competing objects into one.\n\n## Examples\n\n<!-- examples: peerauthentications-namespace-and-workload (mtls.yaml), sidecars-kiali-multimatch (sidecars.yaml), ok-one-policy-per-scope (policies.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/competing-policies/peerauthentications-namespace-and-workload):\n\n`mtls.yaml`:\n\n```yaml\n# Two namespace-wide PeerAuthentications with different modes, and two that select cart: one\n# of each pair is ignored.\napiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: default\n  namespace: shop\nspec:\n  mtls:\n    mode: STRICT\n---\napiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: migration\n  namespace: shop\nspec:\n  mtls:\n    mode: PERMISSIVE\n---\napiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: cart-strict\n  namespace: shop\n  creationTimestamp: "2024-01-02T00:00:00Z"\nspec:\n  selector:\n    matchLabels: {app: cart}\n  mtls:\n    mode: STRICT\n---\napiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: cart-legacy\n  namespace: shop\n  creationTimestamp: "2024-03-01T00:00:00Z"\nspec:\n  selector:\n    matchLabels: {app: cart}\n  mtls:\n    mode: DISABLE\n```\n\nAlso in the case, not shown: `workloads.yaml`.\n\nmeshlint reports:\n\n```text\nmtls.yaml:6:9: PeerAuthentication "default" is one of 2 namespace-wide PeerAuthentications in namespace "shop" (with "migration"): istiod applies only the oldest (which one depends on the order they were created, which the manifests do not show) and ignores the others; they set "default" STRICT, "migration" PERMISSIVE. Keep one, with the mode you mean. [competing-policies]\nmtls.yaml:15:9: PeerAuthentication "migration" is one of 2 namespace-wide PeerAuthentications in namespace "shop" (with "default"): istiod applies only the oldest (which one depends on the order they were created, which the manifests do not show) and ignores the others; they set "default" STRICT, "migration" PERMISSIVE. Keep one, with the mode you mean. [competing-policies]\nmtls.yaml:29:18: PeerAuthentication "cart-strict" selects Deployment shop/cart, as PeerAuthentication "cart-legacy" does: istiod applies only the oldest of them ("cart-strict", by its creationTimestamp) to those pods and ignores the others; they set "cart-strict" STRICT, "cart-legacy" DISABLE. Make their selectors disjoint, or merge them into one. [competing-policies]\nmtls.yaml:41:18: PeerAuthentication "cart-legacy" selects Deployment shop/cart, as PeerAuthentication "cart-strict" does: istiod applies only the oldest of them ("cart-strict", by its creationTimestamp) to those pods and ignores the others; they set "cart-legacy" DISABLE, "cart-strict" STRICT. Make their selectors disjoint, or merge them into one. [competing-policies]\n```\n\nIncorrect (fixtures/competing-policies/sidecars-kiali-multimatch):\n\n`sidecars.yaml`:\n\n```yaml\n# From Kiali business/checkers/common/multi_match_selector_checker_test.go (KIA0002, KIA0003):\n# TestTwoSidecarsWithoutSelector and TestTwoSidecarsTargetingOneDeployment.\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: sidecar1\n  namespace: bookinfo\nspec:\n  workloadSelector:\n    labels: {app: details, version: v1}\n  egress:\n  - hosts: ["./*", "istio-system/*"]\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: sidecar2\n  namespace: bookinfo\nspec:\n  workloadSelector:\n    labels: {app: reviews, version: v1}\n  egress:\n  - hosts: ["./*", "istio-system/*"]\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: sidecar3\n  namespace: bookinfo\nspec:\n  workloadSelector:\n    labels: {app: details}\n  egress:\n  - hosts: ["./*", "istio-system/*"]\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: sidecar4\n  namespace: bookinfo\nspec:\n  workloadSelector:\n    labels: {version: v1}\n  egress:\n  - hosts: ["./*", "istio-system/*"]\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default-a\n  namespace: bookinfo\nspec:\n  egress:\n  - hosts: ["./*", "istio-system/*"]\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default-b\n  namespace: bookinfo\nspec:\n  egress:\n  - hosts: ["./*", "istio-system/*"]\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: bookinfo2\nspec:\n  egress:\n  - hosts: ["./*", "istio-system/*"]\n```\n\nAlso in the case, not shown: `workloads.yaml`.\n\nmeshlint reports:\n\n```text\nsidecars.yaml:10:13: Sidecar "sidecar1" selects Deployment bookinfo/details-v1, as Sidecar "sidecar3", "sidecar4" do: istiod gives those pods only the oldest of them (which one depends on the order they were created, which the manifests do not show) and ignores the others. Make their workloadSelectors disjoint, or merge them into one. [competing-policies]\nsidecars.yaml:32:13: Sidecar "sidecar3" selects Deployment bookinfo/details-v1, as Sidecar "sidecar1", "sidecar4" do: istiod gives those pods only the oldest of them (which one depends on the order they were created, which the manifests do not show) and ignores the others. Make their workloadSelectors disjoint, or merge them into one. [competing-policies]\nsidecars.yaml:43:13: Sidecar "sidecar4" selects Deployment bookinfo/details-v1, as Sidecar "sidecar1", "sidecar3" do: istiod gives those pods only the oldest of them (which one depends on the order they were created, which the manifests do not show) and ignores the others. Make their workloadSelectors disjoint, or merge them into one. [competing-policies]\nsidecars.yaml:50:9: Sidecar "default-a" is one of 2 Sidecars without workloadSelector in namespace "bookinfo" (with "default-b"): istiod gives the namespace\'s pods only the oldest (which one depends on the order they were created, which the manifests do not show) and ignores the others. Keep one, or give the others a workloadSelector. [competing-policies]\nsidecars.yaml:59:9: Sidecar "default-b" is one of 2 Sidecars without workloadSelector in namespace "bookinfo" (with "default-a"): istiod gives the namespace\'s pods only the oldest (which one depends on the order they were created, which the manifests do not show) and ignores the others. Keep one, or give the others a workloadSelector. [competing-policies]\n```\n\nCorrect (fixtures/competing-policies/ok-one-policy-per-scope):\n\n`policies.yaml`:\n\n```yaml\n# One PeerAuthentication per scope; RequestAuthentications combine, so several are fine; Sidecars\n# with disjoint selectors, and one without selector per namespace.\n# kiali/kiali#10189: Kiali warned (KIA0002) about several RequestAuthentications without selector.\napiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: default\n  namespace: shop\nspec:\n  mtls:\n    mode: STRICT\n---\napiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: cart-permissive\n  namespace: shop\nspec:\n  selector:\n    matchLabels: {app: cart}\n  mtls:\n    mode: PERMISSIVE\n---\napiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: default\n  namespace: istio-system\nspec:\n  mtls:\n    mode: STRICT\n---\napiVersion: security.istio.io/v1\nkind: RequestAuthentication\nmetadata:\n  name: jwt1\n  namespace: shop\nspec:\n  jwtRules:\n  - issuer: https://a.example.com\n---\napiVersion: security.istio.io/v1\nkind: RequestAuthentication\nmetadata:\n  name: jwt2\n  namespace: shop\nspec:\n  jwtRules:\n  - issuer: https://b.example.com\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: shop\nspec:\n  egress:\n  - hosts: ["./*", "istio-system/*"]\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: cart\n  namespace: shop\nspec:\n  workloadSelector:\n    labels: {app: cart}\n  egress:\n  - hosts: ["./*", "istio-system/*"]\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  workloadSelector:\n    labels: {app: web}\n  egress:\n  - hosts: ["./*", "istio-system/*"]\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: istio-system\nspec:\n  egress:\n  - hosts: ["./*"]\n```\n\nAlso in the case, not shown: `workloads.yaml`.\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- istio `pilot/pkg/security/authn/policy_applier.go` \u2014 `ComposePeerAuthentication`: "When there\n  are more than one policy in the same scope (i.e workload-level), the oldest one win."\n- istio `pilot/pkg/model/push_context.go` \u2014 `initSidecarScopes` (sorted by creation time, selector\n  first) and `getSidecarScope`; `pilot/pkg/model/config.go` \u2014 `sortConfigByCreationTime` (then by\n  name and namespace).\n- istio/api `networking/v1alpha3/sidecar.proto` \u2014 "The behavior of the system is undefined if more\n  than one selector-less Sidecar configuration exists in a given namespace", and likewise for two\n  selecting one workload.\n- istio/api `security/v1beta1/peer_authentication.proto` \u2014 one mesh-wide and one namespace-wide\n  policy each; workload-level selection.\n\n## Aliases\n\n- `KIA0002` and `KIA0003` (Kiali, `business/checkers/common/multi_match_selector_checker.go`) \u2014\n  "More than one selector-less object in the same namespace" and "More than one object applied to\n  the same workload", for PeerAuthentications and Sidecars (Kiali skips RequestAuthentications\n  too). meshlint says which object applies when the timestamps show it and what the ignored\n  PeerAuthentications would have set.\n',
  "dataplane-conflict": '# dataplane-conflict\n\n> A workload\'s or its namespace\'s labels ask for a data plane the pod does not get (a sidecar and\n> ambient together, ambient with hostNetwork\u2026): the losing setting is ignored.\n\nDefault severity: **warning**.\n\n## What happens at runtime\n\nA pod ends up in one data plane. The sidecar injector knows nothing of ambient: when a namespace\nlabel (`istio-injection=enabled`, `istio.io/rev`) or a pod label (`sidecar.istio.io/inject=true`)\nselects it, the pod gets a sidecar. istio-cni then never captures a pod that has a sidecar, nor a\n`hostNetwork` pod, nor a pod of an excluded namespace (`kube-system`), whatever\n`istio.io/dataplane-mode=ambient` says; and the injector skips `hostNetwork` pods and its own\nnamespaces. So a label that asks for ambient (or a sidecar) on such a pod is silently ignored: the\npod\'s traffic does not go through ztunnel or its waypoint, and the policies written for ambient\n(ztunnel AuthorizationPolicies, `targetRefs` on the waypoint, `istio.io/use-waypoint`) do not\napply to it \u2014 or, the other way round, the sidecar it was meant to have is missing.\n\nThe rule reports each setting the model finds ignored (src/model/dataplane.ts,\n`resolveDataplane`): on the pod template\'s labels when the pod\'s own labels take part, and once on\nthe Namespace object when its labels alone conflict (both `istio-injection=enabled` and\n`istio.io/dataplane-mode=ambient`), naming the workloads it affects.\n\nA declared Namespace whose labels conflict is reported even when the input holds none of its pods\n(`namespaceLabels`, istioctl analyze\'s IST0123): `istio.io/rev` beside `istio-injection=enabled`\nis ignored, since the `istio-injection` label selects the default revision\'s injection webhook and\nevery revision\'s webhook skips namespaces that carry it \u2014 the pods get the default revision\'s\nsidecar, not the one `istio.io/rev` names; `istio.io/dataplane-mode=ambient` beside either\ninjection label is ignored as above. Unlike istioctl, meshlint does not report\n`istio.io/dataplane-mode` values other than `ambient` (`none` keeps the namespace out of ambient\nand asks for nothing else), and checks `istio-system` like any namespace.\n\n## How to fix\n\nChoose one data plane. For ambient, drop `istio-injection` from the namespace (and\n`sidecar.istio.io/inject` from the pods) and restart the pods; for sidecars, drop\n`istio.io/dataplane-mode=ambient`. A pod that must stay on a sidecar in an ambient namespace opts\nout with `istio.io/dataplane-mode: none` and `sidecar.istio.io/inject: "true"`.\n\n## Examples\n\n<!-- examples: pod-sidecar-and-ambient-labels (workloads.yaml), namespace-multiple-injection-labels (namespaces.yaml), ok-one-data-plane-each (workloads.yaml), ok-namespace-injection-labels (namespaces.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/dataplane-conflict/pod-sidecar-and-ambient-labels):\n\n`workloads.yaml`:\n\n```yaml\n# Kiali KIA1311 (ambient_workload_checker.go): the pod asks for a sidecar and for ambient.\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: cart\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: cart\n  template:\n    metadata:\n      labels:\n        app: cart\n        sidecar.istio.io/inject: "true"\n        istio.io/dataplane-mode: ambient\n    spec:\n      containers:\n      - name: cart\n        image: example/cart:1.0\n```\n\nmeshlint reports:\n\n```text\nworkloads.yaml:18:7: Deployment shop/cart: pod label istio.io/dataplane-mode=ambient is ignored because the pod gets a sidecar (pod label sidecar.istio.io/inject=true), so its pods run with a sidecar. Remove the setting that is ignored, or the one that wins if you meant the other. [dataplane-conflict]\n```\n\nIncorrect (fixtures/dataplane-conflict/namespace-multiple-injection-labels):\n\n`namespaces.yaml`:\n\n```yaml\n# Adapted from istio pkg/config/analysis/analyzers/testdata/injection.yaml (Apache-2.0, \xA9 Istio Authors).\n# Namespaces without pods in the input: their labels alone conflict.\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: busted\n  labels:\n    istio-injection: enabled\n    istio.io/rev: canary\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: multi-ns-2\n  labels:\n    istio-injection: enabled\n    istio.io/dataplane-mode: ambient\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: multi-ns-3\n  labels:\n    istio.io/rev: test\n    istio.io/dataplane-mode: ambient\n```\n\nmeshlint reports:\n\n```text\nnamespaces.yaml:9:5: Namespace "busted": namespace label istio.io/rev=canary is ignored because namespace label istio-injection=enabled selects the default revision\'s injector (revision injectors skip namespaces labelled istio-injection). Remove the label that is ignored, or the one that wins if you meant the other. [dataplane-conflict]\nnamespaces.yaml:17:5: Namespace "multi-ns-2": namespace label istio.io/dataplane-mode=ambient is ignored because each pod gets a sidecar (namespace label istio-injection=enabled). Remove the label that is ignored, or the one that wins if you meant the other. [dataplane-conflict]\nnamespaces.yaml:25:5: Namespace "multi-ns-3": namespace label istio.io/dataplane-mode=ambient is ignored because each pod gets a sidecar (namespace label istio.io/rev=test). Remove the label that is ignored, or the one that wins if you meant the other. [dataplane-conflict]\n```\n\nCorrect (fixtures/dataplane-conflict/ok-one-data-plane-each):\n\n`workloads.yaml`:\n\n```yaml\n# An ambient namespace whose one pod opts out of ambient and into a sidecar; a sidecar namespace.\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio.io/dataplane-mode: ambient\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: cart\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: cart\n  template:\n    metadata:\n      labels:\n        app: cart\n    spec:\n      containers:\n      - name: cart\n        image: example/cart:1.0\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: legacy\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: legacy\n  template:\n    metadata:\n      labels:\n        app: legacy\n        istio.io/dataplane-mode: none\n        sidecar.istio.io/inject: "true"\n    spec:\n      containers:\n      - name: legacy\n        image: example/legacy:1.0\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: web\n  labels:\n    istio-injection: enabled\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: frontend\n  namespace: web\nspec:\n  selector:\n    matchLabels:\n      app: frontend\n  template:\n    metadata:\n      labels:\n        app: frontend\n    spec:\n      containers:\n      - name: frontend\n        image: example/frontend:1.0\n```\n\nmeshlint reports nothing for this rule.\n\nCorrect (fixtures/dataplane-conflict/ok-namespace-injection-labels):\n\n`namespaces.yaml`:\n\n```yaml\n# Adapted from istio pkg/config/analysis/analyzers/testdata/injection.yaml (Apache-2.0, \xA9 Istio Authors).\n# istio-injection=disabled turns injection off whatever istio.io/rev says, and dataplane-mode=none\n# only keeps the namespace out of ambient: no label here is ignored.\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: not-conflict-ns-1\n  labels:\n    istio-injection: disabled\n    istio.io/dataplane-mode: ambient\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: not-conflict-ns-2\n  labels:\n    istio-injection: disabled\n    istio.io/rev: test\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: sidecars-not-ambient\n  labels:\n    istio-injection: enabled\n    istio.io/dataplane-mode: none\n```\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- istio `cni/pkg/util/podutil.go` \u2014 `podHasSidecar`; `cni/pkg/util/enablement_selector.go` \u2014\n  `Matches`: pods with a sidecar or `hostNetwork` are never captured.\n- istio `manifests/charts/istio-cni/values.yaml` \u2014 `ambient.enablementSelectors`,\n  `excludeNamespaces`.\n- istio `manifests/charts/istio-control/istio-discovery/templates/mutatingwebhook.yaml` \u2014 which\n  labels select a pod for injection; `pkg/kube/inject/webhook.go` \u2014 `injectRequired` (hostNetwork,\n  ignored namespaces).\n- istio `pkg/config/analysis/analyzers/injection/injection.go` \u2014 istioctl\'s\n  NamespaceMultipleInjectionLabels.\n\n## Aliases\n\n- `IST0123` (istioctl analyze, NamespaceMultipleInjectionLabels) \u2014 `namespaceLabels`, and\n  `namespaceConflict` when the input holds pods of that namespace.\n\n- `KIA1311` and `KIA1316` (Kiali, `business/checkers/ambient/ambient_workload_checker.go`) \u2014 "This\n  workload has both sidecar and Ambient label" and "This workload has a sidecar but is in an\n  Ambient-enabled namespace". Kiali looks at running pods; meshlint at the labels of the\n  manifests, before anything runs, and also reports hostNetwork pods and excluded namespaces.\n  Kiali\'s `KIA1314` and `KIA1315` need running pods (istio-cni\'s redirection annotation, an\n  injected container).\n',
  "deny-path-bypass": '# deny-path-bypass\n\n> A DENY (or an ALLOW excluding with notPaths) names exact paths that requests can sidestep under the mesh\'s pathNormalization.\n\nDefault severity: **warning**.\n\n## What happens at runtime\n\nEnvoy (a sidecar, a waypoint, a gateway) matches `paths` and `notPaths` against the request path\n**after** normalizing it as `meshConfig.pathNormalization` says, and forwards that normalized path\nto the application. istiod turns the mode into the HTTP connection manager\'s `normalize_path`,\n`merge_slashes` and `path_with_escaped_slashes_action`:\n\n| `normalization` | what Envoy does before RBAC | still different from `/admin/users` |\n| --- | --- | --- |\n| `NONE` | nothing | `/admin/users/`, `//admin/users`, `/./admin/users`, `/%61dmin/users`, `/admin%2Fusers` |\n| `BASE` (default; also `DEFAULT` or unset) | RFC 3986: dot segments removed, unreserved `%XX` (`%2E`, `%41`\u2026) decoded once, `\\` \u2192 `/` | `/admin/users/`, `//admin/users`, `/admin%2Fusers` |\n| `MERGE_SLASHES` | `BASE`, then `//` merged | `/admin/users/`, `/admin%2Fusers` |\n| `DECODE_AND_MERGE_SLASHES` | `%2F` and `%5C` decoded first, then `MERGE_SLASHES` | `/admin/users/` |\n\nA DENY of the exact path `/admin` therefore stops `/admin` (and `/x/../admin`), but not `/admin/`\nor, under `BASE`, `//admin` \u2014 and many servers and frameworks route those to the same handler. The\nsame goes for an ALLOW that means "everything except" with `notPaths`: the excluded page is still\nallowed under another spelling. Istio\'s security best practices say so ("Understand path\nnormalization in authorization policy"), and the multiple-slash and escaped-slash forms were\nCVE-2021-31920 (ISTIO-SECURITY-2021-005), fixed by adding the `MERGE_SLASHES` and\n`DECODE_AND_MERGE_SLASHES` modes \u2014 which are not the default.\n\nThe rule checks every exact value (no `*`, no `{`) of a DENY\'s `paths` and of an ALLOW\'s\n`notPaths`, for policies Envoy enforces: attached with `targetRefs` (a waypoint or a gateway), or\nselecting sidecar workloads (or sitting in a sidecar namespace). For each value it tries the\nspellings a backend may treat alike \u2014 a trailing slash added or removed, a doubled leading slash, a\n`%2F` for the last slash, a `/./` prefix \u2014 normalizes each as Envoy would under the mesh\'s mode,\nand reports those that no value of the same field matches (for an ALLOW\'s `notPaths`, only those\nthe `paths` of the same operation still admit). The message names them. Other rules and policies\nare not consulted: a second DENY that covers `/admin/` elsewhere does not silence the finding.\n\nNot reported: ALLOW `paths` (an exact ALLOW fails closed: the other spellings are refused);\nDENY `notPaths` (same); dry-run and AUDIT policies; policies ztunnel enforces (it sees no path at\nall \u2014 `ztunnel-l7-policy` reports those). Prefix values (`/admin/*`) are not checked, though under\n`NONE` and `BASE` `//admin/x` sidesteps them too; case (`/ADMIN`) is not normalized by any mode and\nis not checked.\n\nThe mode is read like the other mesh settings: an IstioOperator\'s\n`spec.meshConfig.pathNormalization.normalization`, the `istio` ConfigMap\'s `mesh` in the root\nnamespace, `.meshlint.yaml` (`mesh: {pathNormalization: MERGE_SLASHES}`), or\n`--path-normalization`. A ProxyConfig `connectionSettings` that overrides slash handling per proxy\nis not read.\n\n## How to fix\n\nDeny the path and everything under it, with a path template or a prefix:\n\n```yaml\n    - operation:\n        paths: ["/admin", "/admin/{**}"]   # or "/admin*", which also matches /administrator\n```\n\nand merge slashes mesh-wide (decode `%2F` too when the applications do):\n\n```yaml\nmeshConfig:\n  pathNormalization:\n    normalization: MERGE_SLASHES   # or DECODE_AND_MERGE_SLASHES\n```\n\nTest the applications after changing the mode: it also changes the path they receive. Better still,\nprefer an ALLOW list of what is permitted over a DENY of what is not.\n\n## Examples\n\n<!-- examples: deny-exact-admin (policy.yaml), deny-nested-path-merge-slashes (.meshlint.yaml, policy.yaml), ok-prefix-and-template-merge-slashes (istio-configmap.yaml, policy.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/deny-path-bypass/deny-exact-admin):\n\n`policy.yaml`:\n\n```yaml\n# Meant: nobody reaches the admin page. Under the default BASE normalization Envoy leaves\n# "/admin/" and "//admin" as they are, and many web frameworks route them to "/admin".\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: no-admin\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: admin\n  action: DENY\n  rules:\n  - to:\n    - operation:\n        paths: ["/admin"]\n```\n\nAlso in the case, not shown: `namespace.yaml`, `workloads.yaml`.\n\nmeshlint reports:\n\n```text\npolicy.yaml:16:17: AuthorizationPolicy "no-admin" denies only the exact path "/admin" on Deployment shop/admin, but under pathNormalization BASE Envoy matches "/admin/" and "//admin" as written, so they are not denied, though a backend may serve them as "/admin". Deny "/admin/{**}" too (or "/admin*"), and set meshConfig.pathNormalization to MERGE_SLASHES. [deny-path-bypass]\n```\n\nIncorrect (fixtures/deny-path-bypass/deny-nested-path-merge-slashes):\n\n`.meshlint.yaml`:\n\n```yaml\nmesh:\n  pathNormalization: MERGE_SLASHES\n```\n\n`policy.yaml`:\n\n```yaml\n# MERGE_SLASHES closes "//admin/users", but an encoded slash is only decoded by\n# DECODE_AND_MERGE_SLASHES (CVE-2021-31920).\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: no-user-admin\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: admin\n  action: DENY\n  rules:\n  - from:\n    - source:\n        notNamespaces: ["ops"]\n    to:\n    - operation:\n        methods: ["GET", "POST"]\n        paths: ["/admin/users", "/healthz/*"]\n```\n\nAlso in the case, not shown: `namespace.yaml`, `workloads.yaml`.\n\nmeshlint reports:\n\n```text\npolicy.yaml:20:17: AuthorizationPolicy "no-user-admin" denies only the exact path "/admin/users" on Deployment shop/admin, but under pathNormalization MERGE_SLASHES Envoy matches "/admin/users/" and "/admin%2Fusers" as written, so they are not denied, though a backend may serve them as "/admin/users". Deny "/admin/users/{**}" too (or "/admin/users*"), and set meshConfig.pathNormalization to DECODE_AND_MERGE_SLASHES. [deny-path-bypass]\n```\n\nCorrect (fixtures/deny-path-bypass/ok-prefix-and-template-merge-slashes):\n\n`istio-configmap.yaml`:\n\n```yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n  mesh: |-\n    pathNormalization:\n      normalization: MERGE_SLASHES\n```\n\n`policy.yaml`:\n\n```yaml\n# Istio security best practices: deny the page and everything under it, with slashes merged.\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: no-admin\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: admin\n  action: DENY\n  rules:\n  - to:\n    - operation:\n        paths: ["/admin", "/admin/*"]\n```\n\nAlso in the case, not shown: `namespace.yaml`, `workloads.yaml`.\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- istio `pilot/pkg/networking/core/listener_builder.go` \u2014 `buildHTTPConnectionManager`: `NONE` \u2192\n  `normalize_path: false`; `BASE`/`DEFAULT` \u2192 `normalize_path: true`; `MERGE_SLASHES` \u2192 also\n  `merge_slashes`; `DECODE_AND_MERGE_SLASHES` \u2192 also `path_with_escaped_slashes_action:\n  UNESCAPE_AND_FORWARD`; otherwise escaped slashes are `KEEP_UNCHANGED`.\n  `pilot/pkg/networking/core/listener_waypoint.go` builds waypoints\' HTTP connection manager with\n  the same function, so waypoints normalize alike.\n- istio `pkg/config/mesh/mesh.go` \u2014 `DefaultMeshConfig` sets no `pathNormalization`: the mode is\n  `DEFAULT`, i.e. `BASE`.\n- Istio docs, *Authorization Policy Normalization* \u2014\n  https://istio.io/latest/docs/reference/config/security/normalization/ (which `%XX` each mode\n  decodes, backslashes, slash merging, dot segments, the query string left out, `%00` refused).\n- Istio docs, *Security best practices*, "Understand path normalization in authorization policy" \u2014\n  https://istio.io/latest/docs/ops/best-practices/security/#understand-path-normalization-in-authorization-policy\n- ISTIO-SECURITY-2021-005 / CVE-2021-31920 \u2014 https://istio.io/latest/news/security/istio-security-2021-005/\n  (multiple slashes and escaped slashes bypassing path-based authorization).\n- Envoy `HttpConnectionManager` docs \u2014 `normalize_path`, `merge_slashes`,\n  `path_with_escaped_slashes_action`; `source/common/http/conn_manager_utility.cc`\n  (`maybeNormalizePath`: escaped slashes, then normalization, then slash merging).\n\n## Aliases\n\nNone: `istioctl analyze` and Kiali do not check this.\n',
  "destinationrule-matches-nothing": "# destinationrule-matches-nothing\n\n> A DestinationRule names a host no Service or ServiceEntry provides where it applies, or a subset whose labels select none of the host's pods.\n\nDefault severity: **warning**.\n\n## What happens at runtime\n\nA DestinationRule configures the Envoy clusters of one host of the service registry (or, with a\nwildcard host, of every host it covers). istiod resolves a short host against the rule's own\nnamespace (`reviews` in namespace `bookinfo` is `reviews.bookinfo.svc.cluster.local`).\n\n| message | what happens |\n| --- | --- |\n| `unknownHost` | no Service or ServiceEntry declares the host: the traffic policy (TLS, load balancing, connection pools, outlier detection) and the subsets configure nothing \u2014 often a typo or a Service in another namespace named by its short name |\n| `hostNotExported` | the host exists, but no namespace sees both the host (`exportTo`, or a Service's `networking.istio.io/exportTo` annotation) and the rule (`exportTo`): no client uses the rule |\n| `subsetSelectsNothing` | a subset's `labels` match none of the pods behind the host: the subset cluster has no endpoints, and requests a VirtualService routes to it fail with 503 (`UH`, no healthy upstream) |\n\nA wildcard host (`*.bookinfo.svc.cluster.local`) is fine when it covers some host. A subset is\nchecked only when the input shows the host's pods: a Service with a selector (or a ServiceEntry\nwith a `workloadSelector` and no WorkloadEntry in its namespace) in a namespace whose workloads the\ninput knows. Subsets that select by the topology labels istiod adds to endpoints from their node\n(`topology.kubernetes.io/region`, `\u2026/zone`, `topology.istio.io/subzone`, `\u2026/cluster`,\n`\u2026/network`, `kubernetes.io/hostname`) are not judged: manifests do not show them.\n\n**Closed world only where we know it.** A missing Service host is reported when the input declares\nthe Namespace it would live in; any other host, and any wildcard, only with `--complete`.\n\n## How to fix\n\nName the host the rule is for (the FQDN for a Service of another namespace), align `exportTo` with\nthe clients' namespaces, and make each subset's labels match the pods' labels.\n\n## Examples\n\n<!-- examples: unknown-host (destinationrule.yaml), subset-selects-nothing (destinationrule.yaml), ok-wildcard-host (destinationrule.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/destinationrule-matches-nothing/unknown-host):\n\n`destinationrule.yaml`:\n\n```yaml\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: reviews\n  namespace: bookinfo\nspec:\n  host: reviewss\n  trafficPolicy:\n    loadBalancer:\n      simple: LEAST_REQUEST\n```\n\nAlso in the case, not shown: `bookinfo.yaml`.\n\nmeshlint reports:\n\n```text\ndestinationrule.yaml:7:9: DestinationRule \"reviews\" is for host \"reviewss\" (reviewss.bookinfo.svc.cluster.local), which no Service or ServiceEntry declares: its traffic policy and subsets configure nothing. Fix the host (a short name is a Service of the rule's own namespace), or remove the rule. [destinationrule-matches-nothing]\n```\n\nIncorrect (fixtures/destinationrule-matches-nothing/subset-selects-nothing):\n\n`destinationrule.yaml`:\n\n```yaml\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: reviews\n  namespace: bookinfo\nspec:\n  host: reviews.bookinfo.svc.cluster.local\n  subsets:\n  - name: v1\n    labels:\n      version: v1\n  - name: v2\n    labels:\n      version: v2\n```\n\nAlso in the case, not shown: `bookinfo.yaml`.\n\nmeshlint reports:\n\n```text\ndestinationrule.yaml:14:7: DestinationRule \"reviews\" defines subset \"v2\" (version=v2), but Service bookinfo/reviews has 1 workload, none with these labels: the subset has no endpoints, so requests routed to it fail with 503 (no healthy upstream). Fix the labels to match the pods' labels. [destinationrule-matches-nothing]\n```\n\nCorrect (fixtures/destinationrule-matches-nothing/ok-wildcard-host):\n\n`destinationrule.yaml`:\n\n```yaml\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: bookinfo-defaults\n  namespace: bookinfo\nspec:\n  host: \"*.bookinfo.svc.cluster.local\"\n  trafficPolicy:\n    loadBalancer:\n      simple: LEAST_REQUEST\n```\n\nAlso in the case, not shown: `bookinfo.yaml`.\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- istio `pilot/pkg/model/push_context.go` \u2014 `initServiceRegistry` (exportTo),\n  `setDestinationRules` (short hosts resolved against the rule's namespace).\n- istio `pilot/pkg/networking/core/cluster_builder.go` \u2014 subset clusters: the service's endpoints\n  whose labels match the subset's.\n- istio `pilot/pkg/serviceregistry/util/label/label.go` \u2014 `AugmentLabels`: the topology labels of\n  endpoints.\n\n## Aliases\n\n- `IST0174` (istioctl analyze, UnknownDestinationRuleHost) and `IST0173`\n  (DestinationRuleSubsetNotSelectPods), `pkg/config/analysis/analyzers/destinationrule/subset.go`\n  \u2014 istioctl reports a wildcard host that only Services cover (fixture `ok-wildcard-host`), and\n  matches subset labels against every pod of the cluster rather than the host's pods; it computes\n  topology labels from Node objects, which meshlint leaves alone.\n- `KIA0202`, `KIA0203` (Kiali, `business/checkers/destinationrules/no_dest_checker.go`).\n",
  "destinationrule-merge-conflict": '# destinationrule-merge-conflict\n\n> DestinationRules that istiod merges for one host define the same subset or each a trafficPolicy: all but the oldest are ignored.\n\nDefault severity: **warning**.\n\n## What happens at runtime\n\nistiod merges the DestinationRules of one namespace that name the same host (short names resolved\nin that namespace) when they have the same `workloadSelector` (or none) and the same `exportTo`.\nIt takes them in creation order, and the merge is not a deep one:\n\n| message | what happens |\n| --- | --- |\n| `duplicateSubset` | two of them define a subset of the same name: the oldest\'s is kept, the other\'s labels and traffic policy for that subset are dropped (istiod\'s `pilot_destrule_subsets` metric counts it). |\n| `ignoredTrafficPolicy` | two of them set a top-level `trafficPolicy`: the oldest\'s is kept whole, the others are ignored \u2014 not merged field by field, so a TLS mode in one and a connection pool in the other do not combine. |\n\nWhich one is the oldest the manifests do not show, so both are reported. Splitting one host\'s\nsubsets across DestinationRules with a single `trafficPolicy` is merged without loss and is not\nreported. DestinationRules of different namespaces are not merged (a client uses its own\nnamespace\'s first, see `destinationrule-matches-nothing`), nor are ones with different\n`workloadSelector`s or `exportTo`s.\n\n## How to fix\n\nDefine each subset once, and put the host\'s `trafficPolicy` in one DestinationRule (or merge the\nDestinationRules into one).\n\n## Examples\n\n<!-- examples: same-subset-and-policy (destinationrules.yaml), ok-split-subsets (destinationrules.yaml), ok-other-namespace-or-selector -->\n<!-- examples:start -->\n\nIncorrect (fixtures/destinationrule-merge-conflict/same-subset-and-policy):\n\n`destinationrules.yaml`:\n\n```yaml\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: reviews\n  namespace: bookinfo\nspec:\n  host: reviews\n  trafficPolicy:\n    loadBalancer: {simple: LEAST_REQUEST}\n  subsets:\n  - name: v1\n    labels: {version: v1}\n  - name: v2\n    labels: {version: v2}\n---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: reviews-canary\n  namespace: bookinfo\nspec:\n  host: reviews.bookinfo.svc.cluster.local\n  trafficPolicy:\n    connectionPool:\n      http: {http1MaxPendingRequests: 10}\n  subsets:\n  - name: v2\n    labels: {version: v2, track: canary}\n  - name: v3\n    labels: {version: v3}\n```\n\nmeshlint reports:\n\n```text\ndestinationrules.yaml:8:3: DestinationRule "reviews" sets a trafficPolicy for reviews.bookinfo.svc.cluster.local, and so does DestinationRule "bookinfo/reviews-canary" of the same namespace: istiod merges them and keeps the trafficPolicy of the oldest only (TLS, load balancing, connection pool), ignoring the others whole. Put the trafficPolicy in one of them. [destinationrule-merge-conflict]\ndestinationrules.yaml:13:11: DestinationRule "reviews" defines subset "v2" of reviews.bookinfo.svc.cluster.local, and so does DestinationRule "bookinfo/reviews-canary" of the same namespace: istiod merges them and keeps the subset of the oldest only, so the other\'s labels and policy for "v2" are ignored. Define each subset once. [destinationrule-merge-conflict]\ndestinationrules.yaml:23:3: DestinationRule "reviews-canary" sets a trafficPolicy for reviews.bookinfo.svc.cluster.local, and so does DestinationRule "bookinfo/reviews" of the same namespace: istiod merges them and keeps the trafficPolicy of the oldest only (TLS, load balancing, connection pool), ignoring the others whole. Put the trafficPolicy in one of them. [destinationrule-merge-conflict]\ndestinationrules.yaml:27:11: DestinationRule "reviews-canary" defines subset "v2" of reviews.bookinfo.svc.cluster.local, and so does DestinationRule "bookinfo/reviews" of the same namespace: istiod merges them and keeps the subset of the oldest only, so the other\'s labels and policy for "v2" are ignored. Define each subset once. [destinationrule-merge-conflict]\n```\n\nCorrect (fixtures/destinationrule-merge-conflict/ok-split-subsets):\n\n`destinationrules.yaml`:\n\n```yaml\n# One host\'s subsets split across DestinationRules of one namespace, one trafficPolicy: istiod\n# merges them into one (pilot/pkg/model/destination_rule.go, mergeDestinationRule), nothing is\n# lost. Kiali reports KIA0201 here: business/checkers/destinationrules/multi_match_checker.go counts\n# a DestinationRule without subsets as overlapping every other of its host.\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: reviews-policy\n  namespace: bookinfo\nspec:\n  host: reviews\n  trafficPolicy:\n    tls: {mode: ISTIO_MUTUAL}\n---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: reviews-v1\n  namespace: bookinfo\nspec:\n  host: reviews\n  subsets:\n  - name: v1\n    labels: {version: v1}\n---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: reviews-v2\n  namespace: bookinfo\nspec:\n  host: reviews\n  subsets:\n  - name: v2\n    labels: {version: v2}\n```\n\nmeshlint reports nothing for this rule.\n\nCorrect (fixtures/destinationrule-merge-conflict/ok-other-namespace-or-selector):\n\n`destinationrules.yaml`:\n\n```yaml\n# Not merged: a DestinationRule of the client\'s namespace is looked up before the host\'s own\n# (pilot/pkg/model/push_context.go, destinationRule), and one with a workloadSelector applies to its\n# pods only. Kiali reports KIA0201 for both pairs.\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: reviews\n  namespace: bookinfo\nspec:\n  host: reviews.bookinfo.svc.cluster.local\n  trafficPolicy:\n    loadBalancer: {simple: ROUND_ROBIN}\n  subsets:\n  - name: v1\n    labels: {version: v1}\n---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: reviews-from-frontend\n  namespace: frontend\nspec:\n  host: reviews.bookinfo.svc.cluster.local\n  trafficPolicy:\n    loadBalancer: {simple: LEAST_REQUEST}\n  subsets:\n  - name: v1\n    labels: {version: v1}\n---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: reviews-for-productpage\n  namespace: bookinfo\nspec:\n  host: reviews\n  workloadSelector:\n    matchLabels: {app: productpage}\n  trafficPolicy:\n    connectionPool:\n      tcp: {maxConnections: 10}\n  subsets:\n  - name: v1\n    labels: {version: v1}\n```\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- istio `pilot/pkg/model/destination_rule.go` \u2014 `mergeDestinationRule`: subsets concatenated\n  unless the name exists ("Duplicate subset \u2026 found while merging destination rules"), the top-level\n  traffic policy taken only when the merged rule has none, merging only for equal `exportTo`\n  (`ENABLE_ENHANCED_DESTINATIONRULE_MERGE`, on by default, `pilot/pkg/features/experimental.go`) and\n  matching workload selectors.\n- istio `pilot/pkg/model/push_context.go` \u2014 `setDestinationRules`: rules by namespace, sorted by\n  creation time (`sortConfigBySelectorAndCreationTime`: "if two destination rule have top level\n  traffic policies we take the first one").\n\n## Aliases\n\n- `KIA0201` (Kiali, `business/checkers/destinationrules/multi_match_checker.go`) \u2014 Kiali reports any\n  two DestinationRules of overlapping hosts with a subset name in common, or where either has no\n  subsets, in any namespaces; istiod merges only within a namespace, and a DestinationRule without\n  subsets merges without loss (`ok-split-subsets`, `ok-other-namespace-or-selector`).\n',
  "destinationrule-tls-unverified": '# destinationrule-tls-unverified\n\n> A DestinationRule originates TLS (SIMPLE or MUTUAL) with insecureSkipVerify: the server\'s certificate is not verified.\n\nDefault severity: **warning**.\n\n## What happens at runtime\n\nWith `tls.mode: SIMPLE` or `MUTUAL`, the client\'s proxy verifies the server\'s certificate\nagainst `caCertificates`, or, when that is empty, against the proxy image\'s system roots (istiod\nasks for the `file-root:system` SDS resource). `insecureSkipVerify: true` removes the validation\ncontext: the proxy accepts any certificate, so whoever sits on the path can present one and read\nor change the traffic. The rule reports it at the `insecureSkipVerify` field, for the\ntop-level policy, each `portLevelSettings` entry and each subset\'s policy.\n\nAn empty `caCertificates` is not reported: the system roots verify a server with a public\ncertificate, and a server with a private CA then fails the handshake (visible at once) rather than\nbeing trusted blindly.\n\n## How to fix\n\nRemove `insecureSkipVerify`; set `caCertificates` to the CA of a private server, and\n`subjectAltNames` to the names it presents.\n\n## Examples\n\n<!-- examples: skip-verify, ok-system-roots-and-ca -->\n<!-- examples:start -->\n\nIncorrect (fixtures/destinationrule-tls-unverified/skip-verify):\n\n`destinationrule.yaml`:\n\n```yaml\n# After istio pkg/config/analysis/analyzers/testdata/destinationrule-compound-simple-mutual.yaml (Apache-2.0).\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: db-tls\n  namespace: bookinfo\nspec:\n  host: mydbserver.prod.svc.cluster.local\n  trafficPolicy:\n    tls:\n      mode: SIMPLE\n      insecureSkipVerify: true\n    portLevelSettings:\n    - port:\n        number: 5432\n      tls:\n        mode: MUTUAL\n        clientCertificate: /etc/certs/client.pem\n        privateKey: /etc/certs/key.pem\n        insecureSkipVerify: true\n```\n\nmeshlint reports:\n\n```text\ndestinationrule.yaml:12:27: DestinationRule "db-tls" originates SIMPLE TLS to "mydbserver.prod.svc.cluster.local" with insecureSkipVerify: the proxy accepts any server certificate, so anyone on the path can impersonate the server. Remove insecureSkipVerify and set caCertificates (or rely on the system roots) and subjectAltNames. [destinationrule-tls-unverified]\ndestinationrule.yaml:20:29: DestinationRule "db-tls" originates MUTUAL TLS to "mydbserver.prod.svc.cluster.local" port 5432 with insecureSkipVerify: the proxy accepts any server certificate, so anyone on the path can impersonate the server. Remove insecureSkipVerify and set caCertificates (or rely on the system roots) and subjectAltNames. [destinationrule-tls-unverified]\n```\n\nCorrect (fixtures/destinationrule-tls-unverified/ok-system-roots-and-ca):\n\n`destinationrule.yaml`:\n\n```yaml\n# istioctl analyze warns (IST0128, IST0129) when caCertificates is empty; since Istio verifies the\n# server against the proxy\'s system roots then (cluster_tls.go), meshlint does not.\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: public-api\n  namespace: bookinfo\nspec:\n  host: api.example.com\n  trafficPolicy:\n    tls:\n      mode: SIMPLE\n---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: db-mtls\n  namespace: bookinfo\nspec:\n  host: mydbserver.prod.svc.cluster.local\n  trafficPolicy:\n    portLevelSettings:\n    - port:\n        number: 443\n      tls:\n        mode: MUTUAL\n        clientCertificate: /etc/certs/client.pem\n        privateKey: /etc/certs/key.pem\n        caCertificates: /etc/certs/ca.pem\n        insecureSkipVerify: false\n```\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- istio `pilot/pkg/networking/core/cluster_tls.go` \u2014 `buildUpstreamTLSContext`:\n  `CaCertificatePath: NonEmptyOrDefault(tls.CaCertificates, "system")`, and no validation context\n  when `InsecureSkipVerify` is set.\n- istio `pkg/security/security.go` \u2014 `FileRootSystemCACert`.\n\n## Aliases\n\n- `IST0128`, `IST0129` (istioctl analyze, NoServerCertificateVerificationDestinationLevel and\n  \u2026PortLevel, `pkg/config/analysis/analyzers/destinationrule/ca-certificates.go`) \u2014 istioctl warns\n  when `caCertificates` is empty, from before Istio verified against the system roots; it does not\n  look at `insecureSkipVerify`, the setting that really turns verification off.\n',
  "envoyfilter-patches": '# envoyfilter-patches\n\n> An EnvoyFilter patch istiod ignores for its applyTo, or a relative patch (INSERT_BEFORE/AFTER, REPLACE, REMOVE) whose EnvoyFilter sets no priority.\n\nDefault severity: **warn**.\n\n## What happens at runtime\n\nistiod applies the patches of every EnvoyFilter that selects a proxy in one order: by\n`spec.priority`, then the root namespace\'s before the workload namespace\'s, then by creation time,\nthen by name. A patch that works relative to what is already there \u2014 `INSERT_BEFORE`,\n`INSERT_AFTER`, `REPLACE`, `REMOVE` \u2014 finds its element only if the generator or an earlier patch put\nit there. Without a priority, "earlier" means "created earlier": re-creating an EnvoyFilter (a\nGitOps sync, a re-install) moves it last, and the patch silently stops applying. Where another\nEnvoyFilter\'s patch of the same element is scoped to a `proxyVersion`, this happens during every\nupgrade: the proxies of the other version do not get that patch.\n\nSome operations istiod ignores outright for an `applyTo`, without an error or a log line:\n\n- `REPLACE` is applied to `HTTP_FILTER`, `NETWORK_FILTER`, `LISTENER_FILTER` and `VIRTUAL_HOST`\n  only (on a `CLUSTER`, `LISTENER`, `FILTER_CHAIN`, `HTTP_ROUTE`\u2026 it does nothing);\n- a `ROUTE_CONFIGURATION` takes `MERGE` only: `ADD` and `REMOVE` there change nothing.\n\nThe rule reports at the patch\'s `operation`. An ignored operation is reported whatever the\npriority; a relative one only when the EnvoyFilter has no (or a zero) `priority`. Two EnvoyFilters\nmeet on a proxy only in one namespace, or when one is in the root namespace, so a `proxyVersion`\npatch elsewhere does not count.\n\n## How to fix\n\nGive the EnvoyFilter a `priority` that orders it after the EnvoyFilters whose elements it is\nrelative to (a positive priority runs after the default 0), or use `INSERT_FIRST` or `ADD`, which do\nnot depend on order. Replace an ignored operation with one istiod applies: `MERGE` a cluster or a\nroute configuration, `REMOVE` and `ADD` where `REPLACE` is ignored, and patch the `VIRTUAL_HOST` or\n`HTTP_ROUTE` instead of the route configuration.\n\n## Examples\n\n<!-- examples: relative-without-priority (envoyfilter.yaml), ignored-operations (envoyfilter.yaml), ok-priority-or-absolute (envoyfilters.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/envoyfilter-patches/relative-without-priority):\n\n`envoyfilter.yaml`:\n\n```yaml\n# Adapted from istio pkg/config/analysis/analyzers/testdata/relative-envoy-filter-operation.yaml (Apache-2.0).\napiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata:\n  name: reviews-lua\n  namespace: bookinfo\nspec:\n  workloadSelector:\n    labels:\n      app: reviews\n  configPatches:\n  - applyTo: HTTP_FILTER\n    match:\n      context: SIDECAR_INBOUND\n      listener:\n        filterChain:\n          filter:\n            name: envoy.filters.network.http_connection_manager\n            subFilter:\n              name: envoy.filters.http.router\n    patch:\n      operation: INSERT_BEFORE\n      value:\n        name: envoy.lua\n        typed_config:\n          "@type": type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua\n          inlineCode: |\n            function envoy_on_request(request_handle) end\n  - applyTo: CLUSTER\n    match:\n      context: SIDECAR_OUTBOUND\n    patch:\n      operation: ADD\n      value:\n        name: lua_cluster\n        type: STRICT_DNS\n```\n\nmeshlint reports:\n\n```text\nenvoyfilter.yaml:22:18: EnvoyFilter "reviews-lua" patches HTTP_FILTER with INSERT_BEFORE, relative to what earlier patches left, and sets no priority: EnvoyFilters of one priority apply root namespace first, then by creation time, so whether the element it is relative to is there yet depends on when each EnvoyFilter was created (a re-created one moves last). Set spec.priority, or use INSERT_FIRST or ADD. [envoyfilter-patches]\n```\n\nIncorrect (fixtures/envoyfilter-patches/ignored-operations):\n\n`envoyfilter.yaml`:\n\n```yaml\n# Adapted from istio pkg/config/analysis/analyzers/testdata/envoy-filter-add-operation.yaml,\n# envoy-filter-remove-operation.yaml and envoy-filter-replace-operation.yaml (Apache-2.0).\napiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata:\n  name: gateway-routes\n  namespace: istio-system\nspec:\n  priority: 10\n  configPatches:\n  - applyTo: CLUSTER\n    match:\n      context: SIDECAR_OUTBOUND\n    patch:\n      operation: REPLACE\n      value:\n        name: lua_cluster\n        type: STRICT_DNS\n  - applyTo: ROUTE_CONFIGURATION\n    match:\n      context: GATEWAY\n    patch:\n      operation: ADD\n      value:\n        name: extra\n  - applyTo: ROUTE_CONFIGURATION\n    match:\n      context: GATEWAY\n      routeConfiguration:\n        name: http.8080\n    patch:\n      operation: REMOVE\n```\n\nmeshlint reports:\n\n```text\nenvoyfilter.yaml:15:18: EnvoyFilter "gateway-routes" patches CLUSTER with REPLACE, which istiod applies to HTTP_FILTER, NETWORK_FILTER, LISTENER_FILTER and VIRTUAL_HOST only: this patch is silently ignored. Use MERGE, or REMOVE and ADD. [envoyfilter-patches]\nenvoyfilter.yaml:23:18: EnvoyFilter "gateway-routes" patches ROUTE_CONFIGURATION with ADD, which istiod ignores (a route configuration takes MERGE only): this patch changes nothing. Use MERGE, or ADD a VIRTUAL_HOST or HTTP_ROUTE. [envoyfilter-patches]\nenvoyfilter.yaml:32:18: EnvoyFilter "gateway-routes" patches ROUTE_CONFIGURATION with REMOVE, which istiod ignores (a route configuration takes MERGE only): this patch changes nothing. REMOVE the VIRTUAL_HOST or HTTP_ROUTE instead. [envoyfilter-patches]\n```\n\nCorrect (fixtures/envoyfilter-patches/ok-priority-or-absolute):\n\n`envoyfilters.yaml`:\n\n```yaml\n# Adapted from istio pkg/config/analysis/analyzers/testdata/absolute-envoy-filter-operation.yaml\n# (Apache-2.0). HTTP_ROUTE takes ADD and REMOVE (istio pilot/pkg/networking/core/envoyfilter/rc_patch.go),\n# which istioctl\'s analyzer says it ignores.\napiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata:\n  name: absolute\n  namespace: bookinfo\nspec:\n  configPatches:\n  - applyTo: HTTP_FILTER\n    match:\n      context: SIDECAR_INBOUND\n    patch:\n      operation: INSERT_FIRST\n      value:\n        name: envoy.lua\n  - applyTo: CLUSTER\n    match:\n      context: SIDECAR_OUTBOUND\n    patch:\n      operation: ADD\n      value:\n        name: lua_cluster\n  - applyTo: HTTP_ROUTE\n    match:\n      context: GATEWAY\n    patch:\n      operation: ADD\n      value:\n        name: extra-route\n  - applyTo: FILTER_CHAIN\n    match:\n      context: GATEWAY\n    patch:\n      operation: MERGE\n      value:\n        name: envoy.transport_sockets.tls\n---\napiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata:\n  name: ordered\n  namespace: bookinfo\nspec:\n  priority: 10\n  configPatches:\n  - applyTo: HTTP_FILTER\n    match:\n      context: SIDECAR_INBOUND\n    patch:\n      operation: INSERT_BEFORE\n      value:\n        name: envoy.lua2\n  - applyTo: HTTP_ROUTE\n    match:\n      context: GATEWAY\n      routeConfiguration:\n        vhost:\n          route:\n            name: legacy\n    patch:\n      operation: REMOVE\n  - applyTo: LISTENER_FILTER\n    match:\n      context: SIDECAR_INBOUND\n    patch:\n      operation: REPLACE\n      value:\n        name: envoy.filters.listener.tls_inspector\n```\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- istio `pilot/pkg/model/push_context.go` \u2014 `initEnvoyFilters`: the order of EnvoyFilters\n  (priority, root namespace, creation time, name).\n- istio `pilot/pkg/networking/core/envoyfilter/cluster_patch.go`, `listener_patch.go`,\n  `rc_patch.go` \u2014 which operation each `applyTo` applies (REPLACE only on filters, listener filters\n  and virtual hosts; MERGE only on a route configuration; ADD and REMOVE on HTTP routes).\n- istio `pkg/config/analysis/analyzers/envoyfilter/envoyfilter.go` \u2014 istioctl\'s analyzer.\n\n## Aliases\n\n- `IST0151`, `IST0155` (istioctl analyze): relative operation without priority, and with a\n  `proxyVersion` patch of the same element. istioctl compares element names across all namespaces,\n  and counts a patch only against the `proxyVersion` patches before it in its own listing order;\n  meshlint compares EnvoyFilters that can meet on one proxy, in either order.\n- `IST0152`, `IST0153`, `IST0154` (istioctl analyze): REPLACE, ADD, REMOVE ignored. istioctl also\n  reports ADD and REMOVE on `HTTP_ROUTE` and REPLACE on `LISTENER_FILTER`, which istiod applies;\n  meshlint does not.\n',
  "exportto-unknown-namespace": '# exportto-unknown-namespace\n\n> An exportTo list (VirtualService, DestinationRule, ServiceEntry, or a Service\'s networking.istio.io/exportTo annotation) names a namespace that does not exist (with --complete).\n\nDefault severity: **warning**.\n\n## What happens at runtime\n\n`exportTo` (and, for a Kubernetes Service, the `networking.istio.io/exportTo` annotation) lists the\nnamespaces whose proxies see the object; `.` is its own namespace, `*` every namespace, `~` none.\nistiod compares the entries with the proxies\' namespace names, so a misspelt or deleted namespace\nexports to nobody: the clients the entry was meant for do not see the route, the traffic policy or\nthe host, and fall back to the defaults (or to 503 for a host they cannot see).\n\nWhether a namespace exists is a fact about the whole cluster, so the rule runs only with\n`--complete` (`complete: true`); the namespaces are then those the input holds, plus Kubernetes\'\nown and the mesh root namespace.\n\n## How to fix\n\nName a namespace that exists, or remove the entry.\n\n## Examples\n\n<!-- examples: complete-cluster (cluster.yaml), ok-complete-known (cluster.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/exportto-unknown-namespace/complete-cluster):\n\n`cluster.yaml`:\n\n```yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: web\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: cart\n  namespace: shop\n  annotations:\n    networking.istio.io/exportTo: ".,wbe"\nspec:\n  selector:\n    app: cart\n  ports:\n  - name: http\n    port: 8080\n---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: cart\n  namespace: shop\nspec:\n  host: cart\n  exportTo: [".", "web", "legacy"]\n```\n\nAlso in the case, not shown: `.meshlint.yaml`.\n\nmeshlint reports:\n\n```text\ncluster.yaml:17:35: Service "cart" is exported to namespace "wbe", which does not exist in this cluster: the entry exports to no one, so the clients it was meant for do not see the Service. Did you mean "web"? Fix the name. [exportto-unknown-namespace]\ncluster.yaml:32:26: DestinationRule "cart" is exported to namespace "legacy", which does not exist in this cluster: the entry exports to no one, so the clients it was meant for do not see the DestinationRule. Fix the name. [exportto-unknown-namespace]\n```\n\nCorrect (fixtures/exportto-unknown-namespace/ok-complete-known):\n\n`cluster.yaml`:\n\n```yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: cart\n  namespace: shop\nspec:\n  hosts: [cart]\n  exportTo: [".", "istio-system", "default"]\n  http:\n  - route:\n    - destination:\n        host: cart\n---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: cart-public\n  namespace: shop\nspec:\n  hosts: [cart-public]\n  exportTo: ["*"]\n  http:\n  - route:\n    - destination:\n        host: cart\n```\n\nAlso in the case, not shown: `.meshlint.yaml`.\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- istio `pilot/pkg/model/push_context.go` \u2014 visibility of VirtualServices, DestinationRules and\n  services by the namespaces `exportTo` names.\n- istio `pilot/pkg/serviceregistry/kube/conversion.go` \u2014 the `networking.istio.io/exportTo`\n  annotation of a Service.\n\n## Aliases\n\n- `KIA0005` (Kiali, `business/checkers/common/export_to_namespace_checker.go`) \u2014 Kiali checks the\n  namespaces it can see; meshlint needs the input to be the whole cluster. istioctl has no such\n  check.\n',
  "gateway-api-listener-conflict": '# gateway-api-listener-conflict\n\n> Gateway API listeners that cannot all work: repeated in one Gateway, clashing on a gateway deployment that Gateways share, or Gateways asking for the same load-balancer IP.\n\nDefault severity: **warning**.\n\n## What happens at runtime\n\n| message | what happens |\n| --- | --- |\n| `duplicateListener` | two listeners of one Gateway have the same `port`, `protocol` and `hostname` (both without a hostname counts as the same): the Gateway CRD\'s validation rule ("Combination of port, protocol and hostname must be unique for each listener") makes the API server reject the Gateway. |\n| `duplicateTlsHost` | Gateways bound to one existing gateway deployment (`addresses` of type `Hostname` naming its Service) have `HTTPS` or `TLS` listeners on the same port with the same hostname: istiod merges the listeners of every Gateway of a proxy as it merges Istio Gateway servers, and skips the whole TLS listener it merges second. |\n| `protocolConflict` | Gateways bound to one gateway deployment have plaintext listeners on the same port that are not both HTTP (`TCP` and `HTTP`, two `TCP`): istiod keeps one and skips the other. |\n| `sameAddress` | Gateways of class `istio` that istiod deploys itself ask for the same `IPAddress` address: each gets a LoadBalancer Service with that `loadBalancerIP`, and the load balancer gives the IP to one Service only; the other Gateway gets no address. |\n\nIstio deploys a proxy and a Service for each Gateway unless the Gateway names existing gateway\nServices in `addresses` of type `Hostname` (a manual deployment). So Gateways with the same\nhostname and port but deployments of their own do not conflict, and Gateways sharing a\ndeployment through the same `Hostname` address is the way to share an ingress; only the listeners\nthat istiod cannot merge are reported. Plain HTTP listeners of one port merge, whatever their\nhostnames. Waypoints (`istio-waypoint`) are not checked. Listeners of Gateways of different\nnamespaces are not compared for TLS hosts: istiod names their hosts by namespace.\n\n## How to fix\n\n- `duplicateListener`: keep one listener per port, protocol and hostname.\n- `duplicateTlsHost`, `protocolConflict`: serve a hostname once per port on a shared deployment;\n  give TCP listeners a port of their own; or let istiod deploy the Gateways separately (no\n  `Hostname` address).\n- `sameAddress`: give each Gateway its own address, or bind them to one deployment with a\n  `Hostname` address. (Some load balancers share an IP when asked, e.g. MetalLB\'s\n  `metallb.universe.tf/allow-shared-ip`, which Istio\'s generated Service does not set.)\n\n## Examples\n\n<!-- examples: shared-deployment (gateways.yaml), duplicate-listener (gateway.yaml), ok-own-deployments (gateways.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/gateway-api-listener-conflict/shared-deployment):\n\n`gateways.yaml`:\n\n```yaml\n# Both Gateways bind to the existing ingress deployment through its Service (a Hostname address):\n# istiod merges their listeners on that proxy.\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: shop\n  namespace: shop\nspec:\n  gatewayClassName: istio\n  addresses:\n  - type: Hostname\n    value: istio-ingressgateway.istio-system.svc.cluster.local\n  listeners:\n  - name: https\n    port: 443\n    protocol: HTTPS\n    hostname: shop.example.com\n    tls:\n      certificateRefs:\n      - name: shop-cert\n  - name: http\n    port: 80\n    protocol: HTTP\n    hostname: shop.example.com\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: shop-legacy\n  namespace: shop\nspec:\n  gatewayClassName: istio\n  addresses:\n  - type: Hostname\n    value: istio-ingressgateway.istio-system.svc.cluster.local\n  listeners:\n  - name: https\n    port: 443\n    protocol: HTTPS\n    hostname: shop.example.com\n    tls:\n      certificateRefs:\n      - name: legacy-cert\n  # HTTP listeners of one port merge, whatever their hosts.\n  - name: http\n    port: 80\n    protocol: HTTP\n    hostname: shop.example.com\n  - name: postgres\n    port: 8080\n    protocol: TCP\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: admin\n  namespace: shop\nspec:\n  gatewayClassName: istio\n  addresses:\n  - type: Hostname\n    value: istio-ingressgateway.istio-system.svc.cluster.local\n  listeners:\n  - name: http-admin\n    port: 8080\n    protocol: HTTP\n```\n\nmeshlint reports:\n\n```text\ngateways.yaml:15:11: Gateway "shop" terminates TLS for shop.example.com on port 443 of the shared gateway Service istio-ingressgateway.istio-system.svc.cluster.local, as Gateway "shop/shop-legacy" (HTTPS) does: istiod keeps one TLS server per host and port and skips the whole listener it merges second. Serve each hostname once per port on a shared gateway. [gateway-api-listener-conflict]\ngateways.yaml:38:11: Gateway "shop-legacy" terminates TLS for shop.example.com on port 443 of the shared gateway Service istio-ingressgateway.istio-system.svc.cluster.local, as Gateway "shop/shop" (HTTPS) does: istiod keeps one TLS server per host and port and skips the whole listener it merges second. Serve each hostname once per port on a shared gateway. [gateway-api-listener-conflict]\ngateways.yaml:50:11: Gateway "shop-legacy" listens on port 8080 with TCP on the shared gateway Service istio-ingressgateway.istio-system.svc.cluster.local, and Gateway "shop/admin" (HTTP) on the same port: istiod merges plaintext listeners of one port only when both speak HTTP, so it skips one of them. Use different ports. [gateway-api-listener-conflict]\ngateways.yaml:65:11: Gateway "admin" listens on port 8080 with HTTP on the shared gateway Service istio-ingressgateway.istio-system.svc.cluster.local, and Gateway "shop/shop-legacy" (TCP) on the same port: istiod merges plaintext listeners of one port only when both speak HTTP, so it skips one of them. Use different ports. [gateway-api-listener-conflict]\n```\n\nIncorrect (fixtures/gateway-api-listener-conflict/duplicate-listener):\n\n`gateway.yaml`:\n\n```yaml\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  gatewayClassName: istio\n  listeners:\n  - name: http\n    port: 80\n    protocol: HTTP\n    hostname: shop.example.com\n  - name: http-copy\n    port: 80\n    protocol: HTTP\n    hostname: shop.example.com\n  # Another hostname on the same port: fine.\n  - name: http-www\n    port: 80\n    protocol: HTTP\n    hostname: www.example.com\n```\n\nmeshlint reports:\n\n```text\ngateway.yaml:13:11: Listener "http-copy" of Gateway "web" has the port (80), protocol (HTTP) and hostname (shop.example.com) of listener "http": the Gateway CRD requires the combination to be unique, so the API server rejects the Gateway. Merge the listeners, or change the hostname or port of one. [gateway-api-listener-conflict]\n```\n\nCorrect (fixtures/gateway-api-listener-conflict/ok-own-deployments):\n\n`gateways.yaml`:\n\n```yaml\n# Two Gateways with the same hostname and port, each deployed by istiod with a proxy and Service\n# of its own (no Hostname addresses): nothing is shared. Kiali reports KIA1501 here\n# (business/checkers/k8sgateways/multi_match_checker.go compares every Gateway).\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: shop\n  namespace: shop\nspec:\n  gatewayClassName: istio\n  listeners:\n  - name: https\n    port: 443\n    protocol: HTTPS\n    hostname: shop.example.com\n    tls:\n      certificateRefs:\n      - name: shop-cert\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: shop-canary\n  namespace: shop\nspec:\n  gatewayClassName: istio\n  listeners:\n  - name: https\n    port: 443\n    protocol: HTTPS\n    hostname: shop.example.com\n    tls:\n      certificateRefs:\n      - name: shop-cert\n```\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- Gateway API CRD `gateways.gateway.networking.k8s.io`, `spec.listeners` `x-kubernetes-validations`\n  (as vendored in istio `tests/integration/pilot/testdata/gateway-api-crd.yaml`).\n- istio `pilot/pkg/config/kube/gatewaycommon/gateway_utils.go` \u2014 `IsManaged`: a Gateway without\n  addresses, or with one IPAddress, is deployed by istiod; `pilot/pkg/config/kube/gateway/conversion.go`\n  \u2014 `extractGatewayServices` (Hostname addresses name the gateway Services) and the conversion of\n  listeners to servers.\n- istio `pilot/pkg/model/gateway.go` \u2014 `mergeGateways`, `CheckDuplicates`, `canMergeProtocols`\n  (see src/model/gateway-merge.ts).\n- istio `manifests/charts/istio-control/istio-discovery/files/kube-gateway.yaml` \u2014 the generated\n  Service\'s `loadBalancerIP` from the first address.\n\n## Aliases\n\n- `KIA1501`, `KIA1502`, `KIA1503` (Kiali, `business/checkers/k8sgateways/multi_match_checker.go`) \u2014\n  Kiali compares every pair of Gateways, whether or not they share a deployment, and any\n  listeners with the same hostname and port, plain HTTP included (`ok-own-deployments`); it\n  compares addresses of any type, `Hostname` ones too, which is how Gateways share a deployment.\n  Within one Gateway it skips listeners without a hostname, which the CRD\'s rule does not.\n',
  "gateway-api-route-references": '# gateway-api-route-references\n\n> A Gateway API route names a parent Gateway or Service, or a backend Service, that does not exist, does not admit it, or is in another namespace without a ReferenceGrant.\n\nDefault severity: **error**.\n\n## What happens at runtime\n\nistiod\'s Gateway API controller resolves every HTTPRoute, GRPCRoute, TCPRoute, TLSRoute and\nUDPRoute:\n\n| message | what happens |\n| --- | --- |\n| `unknownParent` | a `parentRefs` entry names a Gateway (the default kind) or, for a mesh route, a Service that does not exist: the route is not attached there (`Accepted=False` for that parent) |\n| `parentNotAllowed` | the Gateway exists, but none of its listeners (or the one `sectionName` names) admits routes of the route\'s namespace: `allowedRoutes.namespaces.from` is `Same` (the default) and the namespaces differ, or a `Selector` the namespace\'s labels do not match |\n| `unknownBackend` | a `backendRefs` entry names a Service that does not exist: requests for that rule get **500** (`ResolvedRefs=False`, `BackendNotFound`) |\n| `backendNotGranted` | the backend Service is in another namespace and no ReferenceGrant there lets routes of this kind and namespace refer to it: **500** (`RefNotPermitted`) |\n\n**Closed world only where we know it.** A Gateway, Service or ReferenceGrant is said missing only\nin a namespace the input declares (or with `--complete`); a `Selector` is judged only for a\ndeclared namespace, and only `matchLabels`.\n\n## How to fix\n\nFix the names; attach from a namespace the listener admits, or widen `allowedRoutes`; add a\nReferenceGrant in the backend\'s namespace:\n\n```yaml\napiVersion: gateway.networking.k8s.io/v1beta1\nkind: ReferenceGrant\nmetadata:\n  name: shop-routes\n  namespace: infra\nspec:\n  from:\n  - group: gateway.networking.k8s.io\n    kind: HTTPRoute\n    namespace: shop\n  to:\n  - group: ""\n    kind: Service\n```\n\n## Examples\n\n<!-- examples: broken-references (routes.yaml), ok-granted-and-admitted -->\n<!-- examples:start -->\n\nIncorrect (fixtures/gateway-api-route-references/broken-references):\n\n`routes.yaml`:\n\n```yaml\n# public\'s listener admits routes of its own namespace only (allowedRoutes defaults to Same).\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: cart\n  namespace: shop\nspec:\n  parentRefs:\n  - name: public\n    namespace: infra\n  - name: internal\n    namespace: infra\n  rules:\n  - backendRefs:\n    - name: cart\n      port: 8080\n  - matches:\n    - path:\n        type: PathPrefix\n        value: /auth\n    backendRefs:\n    - name: shared-auth\n      namespace: infra\n      port: 8080\n  - matches:\n    - path:\n        type: PathPrefix\n        value: /checkout\n    backendRefs:\n    - name: checkout\n      port: 8080\n```\n\nAlso in the case, not shown: `gateway.yaml`.\n\nmeshlint reports:\n\n```text\nroutes.yaml:9:11: HTTPRoute "cart" is attached to Gateway infra/public, but its listeners admit no routes from namespace shop (allowedRoutes.namespaces): the route is not accepted there. Attach it from an admitted namespace, or widen allowedRoutes. [gateway-api-route-references]\nroutes.yaml:11:11: HTTPRoute "cart" is attached to Gateway infra/internal, which does not exist: the route is not attached there (Accepted=False for that parent). Fix parentRefs. [gateway-api-route-references]\nroutes.yaml:23:18: HTTPRoute "cart" sends traffic to Service infra/shared-auth in another namespace, but no ReferenceGrant in namespace infra allows HTTPRoutes of namespace shop to refer to it: requests for this rule get 500 (ResolvedRefs=False, RefNotPermitted). Add a ReferenceGrant in infra. [gateway-api-route-references]\nroutes.yaml:30:13: HTTPRoute "cart" sends traffic to Service shop/checkout, which does not exist: requests for this rule get 500 (ResolvedRefs=False, BackendNotFound). Fix backendRefs. [gateway-api-route-references]\n```\n\nCorrect (fixtures/gateway-api-route-references/ok-granted-and-admitted):\n\n`gateway.yaml`:\n\n```yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: infra\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    exposed: "true"\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: public\n  namespace: infra\nspec:\n  gatewayClassName: istio\n  listeners:\n  - name: http\n    port: 80\n    protocol: HTTP\n    allowedRoutes:\n      namespaces:\n        from: Selector\n        selector:\n          matchLabels:\n            exposed: "true"\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: cart\n  namespace: shop\nspec:\n  selector:\n    app: cart\n  ports:\n  - name: http\n    port: 8080\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: shared-auth\n  namespace: infra\nspec:\n  selector:\n    app: shared-auth\n  ports:\n  - name: http\n    port: 8080\n---\napiVersion: gateway.networking.k8s.io/v1beta1\nkind: ReferenceGrant\nmetadata:\n  name: shop-routes\n  namespace: infra\nspec:\n  from:\n  - group: gateway.networking.k8s.io\n    kind: HTTPRoute\n    namespace: shop\n  to:\n  - group: ""\n    kind: Service\n    name: shared-auth\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: cart\n  namespace: shop\nspec:\n  parentRefs:\n  - name: public\n    namespace: infra\n    sectionName: http\n  # A mesh (GAMMA) route: its parent is the Service.\n  - group: ""\n    kind: Service\n    name: cart\n  rules:\n  - backendRefs:\n    - name: cart\n      port: 8080\n  - backendRefs:\n    - name: shared-auth\n      namespace: infra\n      port: 8080\n```\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- istio `pilot/pkg/config/kube/gateway/conversion.go` \u2014 parent and backend resolution,\n  `allowedRoutes`, ReferenceGrant checks, the 500 direct response for unresolved backends.\n- Gateway API `apis/v1/httproute_types.go`, `gateway_types.go` (`AllowedRoutes`, `FromNamespaces`),\n  `apis/v1beta1/referencegrant_types.go`.\n\n## Aliases\n\n- `KIA1401`, `KIA1402` (Kiali, `business/checkers/k8shttproutes/`,\n  `k8sgrpcroutes/`: `no_k8sgateway_checker.go`, `no_host_checker.go`).\n- istioctl analyze has no equivalent; exported manifests may carry the controller\'s own verdict,\n  which `negative-status-condition` reports (`IST0171`).\n',
  "image-auto-not-injected": '# image-auto-not-injected\n\n> An istio-proxy container with `image: auto` in a pod the sidecar injector does not inject: the image "auto" cannot be pulled.\n\nDefault severity: **error**.\n\n## What happens at runtime\n\nA pod template may declare an `istio-proxy` container to customise the injected one (gateway\ndeployments do, with `inject.istio.io/templates: gateway`). Its `image` is required, so it says\n`auto`: a placeholder the sidecar injector replaces with the proxy image when it merges its\ncontainer over the declared one (`webhook.go`, `AutoImage`). If no injection webhook selects the\npod (no `istio-injection=enabled` or `istio.io/rev` namespace label, no `sidecar.istio.io/inject:\n"true"` pod label, an ambient namespace, `hostNetwork`), nothing replaces it: the kubelet tries to\npull an image named `auto`, and the pods stay in `ErrImagePull`.\n\nWho is injected is the data-plane model\'s answer (namespace labels, pod labels, revisions); a\nnamespace not in the input is judged by `mesh.assumeDataPlane`, and the finding says so.\nA Pod is reported as `podImageAutoNotInjected` (istioctl\'s IST0147), other workloads as\n`imageAutoNotInjected` (IST0146). istioctl reads the webhook selectors of the\n`MutatingWebhookConfiguration`s in its input; meshlint assumes Istio\'s default webhooks.\n\n## How to fix\n\nEnable injection for the pods (namespace label `istio-injection=enabled`, or the pod label\n`sidecar.istio.io/inject: "true"` the gateway chart sets), or name the proxy image.\n\n## Examples\n\n<!-- examples: not-injected, ok-injected -->\n<!-- examples:start -->\n\nIncorrect (fixtures/image-auto-not-injected/not-injected):\n\n`gateways.yaml`:\n\n```yaml\n# Adapted from istio pkg/config/analysis/analyzers/testdata/image-auto.yaml (Apache-2.0).\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: not-injected\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: ambient\n  labels:\n    istio.io/dataplane-mode: ambient\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: injected-pod\n  namespace: not-injected\nspec:\n  containers:\n  - image: auto\n    name: istio-proxy\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ingressgateway\n  namespace: ambient\nspec:\n  selector:\n    matchLabels:\n      istio: ingressgateway\n  template:\n    metadata:\n      annotations:\n        inject.istio.io/templates: gateway\n      labels:\n        istio: ingressgateway\n    spec:\n      containers:\n      - name: istio-proxy\n        image: auto\n```\n\nmeshlint reports:\n\n```text\ngateways.yaml:21:12: Pod "injected-pod" declares an istio-proxy container with `image: auto`, which only the sidecar injector replaces, but it gets no sidecar (no sidecar injection and no ambient enrolment): the image "auto" cannot be pulled and the pod never starts. Enable injection for it (namespace label istio-injection=enabled, or pod label sidecar.istio.io/inject="true"), or name the proxy image. [image-auto-not-injected]\ngateways.yaml:42:16: Deployment "ingressgateway" declares an istio-proxy container with `image: auto`, which only the sidecar injector replaces, but its pods get ambient mode (namespace label istio.io/dataplane-mode=ambient): the image "auto" cannot be pulled and the pods never start. Enable injection for them (namespace label istio-injection=enabled, or pod label sidecar.istio.io/inject="true"), or name the proxy image. [image-auto-not-injected]\n```\n\nCorrect (fixtures/image-auto-not-injected/ok-injected):\n\n`gateways.yaml`:\n\n```yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: injected\n  labels:\n    istio-injection: enabled\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: gateways\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: injected-pod\n  namespace: injected\nspec:\n  containers:\n  - image: auto\n    name: istio-proxy\n---\n# The gateway chart\'s way: the pod label selects the object webhook.\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ingressgateway\n  namespace: gateways\nspec:\n  selector:\n    matchLabels:\n      istio: ingressgateway\n  template:\n    metadata:\n      annotations:\n        inject.istio.io/templates: gateway\n      labels:\n        istio: ingressgateway\n        sidecar.istio.io/inject: "true"\n    spec:\n      containers:\n      - name: istio-proxy\n        image: auto\n```\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- istio `pkg/kube/inject/webhook.go` \u2014 `AutoImage`, the placeholder the injector replaces.\n- istio `manifests/charts/istio-control/istio-discovery/templates/mutatingwebhook.yaml` \u2014 which\n  pods the webhooks select (src/model/dataplane.ts).\n- istio `pkg/config/analysis/analyzers/injection/image-auto.go` \u2014 istioctl\'s check.\n\n## Aliases\n\n- `IST0146` (istioctl analyze, ImageAutoWithoutInjectionWarning) \u2014 `imageAutoNotInjected`.\n- `IST0147` (ImageAutoWithoutInjectionError) \u2014 `podImageAutoNotInjected`.\n',
  "inbound-port-conflict": '# inbound-port-conflict\n\n> Services that select the same sidecar workload disagree about one of its ports: different protocols, or different Service ports for one target port.\n\nDefault severity: **warning**.\n\n## What happens at runtime\n\nA sidecar builds its inbound listener from the Services that select its pod: one filter chain per\n**container port** (the Service port\'s `targetPort`, a named one resolved through the pod\'s\nports). When several Services reach the same container port, istiod keeps the chain of the\n**oldest** Service and skips the others (`listener_inbound.go`, `reportInboundConflict`):\n\n- **Different protocols** (`conflictingProtocols`): one Service names the port `http`, another\n  `tcp` (or no protocol, so it is detected): every connection to the port is handled with the\n  oldest Service\'s protocol, whichever Service the client called. HTTP routing, retries and L7\n  policy may apply to traffic meant as raw TCP, or not apply to HTTP traffic. istiod reports\n  `ProxyStatusConflictInboundListener` for it.\n- **Different Service ports** (`conflictingPorts`) for one container port: the chain, its\n  protocol and the Service its metrics name come from the oldest Service only.\n\nOnly pods with a sidecar are judged (ztunnel does not build per-Service chains); UDP and SCTP\nports are skipped (the sidecar captures TCP only), and so are gateways and waypoints, whose Envoy\nserves its Gateway\'s listeners rather than inbound chains per Service. Which\nService is the oldest is not in manifests, so the message names them all.\n\nWhere it differs from `istioctl analyze`: istioctl compares Service ports by number and\nKubernetes `protocol`; meshlint compares the container ports they reach and the protocol istiod\ngives them (appProtocol, name prefix), as the sidecar does. One Service that reaches a container\nport from two port numbers with one protocol (`80` and `8080` \u2192 `8080`) is not reported: nothing\nconflicts there.\n\n## How to fix\n\nGive every Service that targets a container port the same port number and protocol (name prefix\nor `appProtocol`), or target different container ports.\n\n## Examples\n\n<!-- examples: conflicting-protocols-and-ports, ok-same-port-everywhere -->\n<!-- examples:start -->\n\nIncorrect (fixtures/inbound-port-conflict/conflicting-protocols-and-ports):\n\n`shop.yaml`:\n\n```yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio-injection: enabled\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: cart\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: cart\n  template:\n    metadata:\n      labels:\n        app: cart\n    spec:\n      containers:\n      - name: cart\n        image: shop/cart:1.4\n        ports:\n        - name: api\n          containerPort: 8080\n        - name: metrics\n          containerPort: 9090\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: cart\n  namespace: shop\nspec:\n  selector:\n    app: cart\n  ports:\n  - name: http\n    port: 80\n    targetPort: api\n  - name: http-metrics\n    port: 9090\n---\n# Same container port as "cart" port 80, but as raw TCP and another port number.\napiVersion: v1\nkind: Service\nmetadata:\n  name: cart-legacy\n  namespace: shop\nspec:\n  selector:\n    app: cart\n  ports:\n  - name: tcp\n    port: 8080\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: cart-metrics\n  namespace: shop\nspec:\n  selector:\n    app: cart\n  ports:\n  - name: tcp-metrics\n    port: 9090\n    targetPort: metrics\n```\n\nmeshlint reports:\n\n```text\nshop.yaml:11:9: Deployment "cart" is selected by Services "cart" and "cart-legacy", which expose its port 8080 as different Service ports (80 and 8080) and protocols (http and tcp): its sidecar builds one inbound chain for the port from the oldest of these Services only, which decides the protocol and the Service its metrics name. Use the same port number and protocol in every Service that targets it. [inbound-port-conflict]\nshop.yaml:11:9: Deployment "cart" is selected by Services "cart" and "cart-metrics", which give its port 9090 different protocols (http and tcp): its sidecar builds one inbound chain for the port, with the protocol of the oldest of these Services, so the others\' traffic is handled as that protocol. Give the port one protocol in every Service (port name prefix or appProtocol). [inbound-port-conflict]\n```\n\nCorrect (fixtures/inbound-port-conflict/ok-same-port-everywhere):\n\n`dns.yaml`:\n\n```yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: infra\n  labels:\n    istio-injection: enabled\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: resolver\n  namespace: infra\nspec:\n  selector:\n    matchLabels:\n      app: resolver\n  template:\n    metadata:\n      labels:\n        app: resolver\n    spec:\n      containers:\n      - name: resolver\n        image: infra/resolver:2.1\n        ports:\n        - name: dns\n          containerPort: 5353\n        - name: web\n          containerPort: 8080\n---\n# DNS over TCP and UDP on one port: the sidecar captures only TCP.\napiVersion: v1\nkind: Service\nmetadata:\n  name: resolver\n  namespace: infra\nspec:\n  selector:\n    app: resolver\n  ports:\n  - name: tcp-dns\n    port: 53\n    targetPort: dns\n  - name: udp-dns\n    port: 53\n    protocol: UDP\n    targetPort: dns\n  # One Service, two ports to one container port with one protocol.\n  - name: http\n    port: 80\n    targetPort: web\n  - name: http-alt\n    port: 8080\n---\n# Another Service with the same port and protocol for the same container port.\napiVersion: v1\nkind: Service\nmetadata:\n  name: resolver-internal\n  namespace: infra\nspec:\n  selector:\n    app: resolver\n  ports:\n  - name: tcp-dns\n    port: 53\n    targetPort: 5353\n---\n# A gateway\'s Envoy serves its Gateway\'s listeners, not one inbound chain per Service port.\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ingressgateway\n  namespace: infra\nspec:\n  selector:\n    matchLabels:\n      istio: ingressgateway\n  template:\n    metadata:\n      annotations:\n        inject.istio.io/templates: gateway\n      labels:\n        istio: ingressgateway\n    spec:\n      containers:\n      - name: istio-proxy\n        image: auto\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: ingressgateway\n  namespace: infra\nspec:\n  selector:\n    istio: ingressgateway\n  ports:\n  - name: http2\n    port: 80\n    targetPort: 8080\n  - name: https\n    port: 443\n    targetPort: 8443\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: ingressgateway-internal\n  namespace: infra\nspec:\n  selector:\n    istio: ingressgateway\n  ports:\n  - name: tcp\n    port: 8080\n```\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- istio `pilot/pkg/networking/core/listener_inbound.go` \u2014 `buildInboundChainConfigs`\n  (`chainsByPort`: one chain per target port, the oldest Service wins), `reportInboundConflict`.\n- istio `pkg/config/kube/conversion.go` \u2014 the protocol of a Service port (`ConvertProtocol`).\n- istio `pkg/config/analysis/analyzers/deployment/services.go` \u2014 istioctl\'s checks.\n\n## Aliases\n\n- `IST0116` (istioctl analyze, DeploymentAssociatedToMultipleServices) \u2014 `conflictingProtocols`.\n- `IST0137` (DeploymentConflictingPorts) \u2014 `conflictingPorts`.\n',
  "intent-denied": '# intent-denied\n\n> A call a ClientIntents declares is refused by the mesh: a DENY or CUSTOM policy, ALLOW policies the generated one does not get past, mTLS the client cannot meet, ztunnel dropping the generated HTTP rule, or no policy generated for the client at all.\n\nDefault severity: **error**.\n\n## What happens at runtime\n\nTeams that use Otterize\'s intents operator declare who calls whom in `ClientIntents`; the operator\nturns each Kubernetes or Service target into an ALLOW AuthorizationPolicy in the server\'s namespace\nthat admits the client\'s service account (see the README\'s "Otterize ClientIntents" section for how\nmeshlint reads them). The declared call still fails when something else in the mesh refuses it:\n\n- a DENY (or CUSTOM) policy on the server matches it \u2014 DENY is evaluated before every ALLOW;\n- the operator generates **nothing** for the client and the server has ALLOW policies (generated for\n  other clients, or hand-written) that do not admit it. The operator generates nothing when the\n  client\'s pod has no container named `istio-proxy` (not injected, ambient, or Istio\'s proxy run as a\n  native sidecar in `initContainers`), when enforcement is off and no `ProtectedService` protects the\n  server, when Istio policy creation is off, or when the operator does not watch the namespace of the\n  ClientIntents or of the server;\n- the server is ambient without a waypoint: ztunnel drops a rule with `paths` or `methods`, so the\n  generated policy admits nobody, yet it still applies and the server refuses everything else;\n- the server requires mTLS (STRICT) and the client sends plaintext, or a waypoint\'s policies refuse it.\n\nThe client gets HTTP 403 (`RBAC: access denied`) from a sidecar, or a reset connection from ztunnel.\nThe rule asks `meshlint check-access` the same question for each declared request \u2014 from each of the\nclient\'s workloads to the target (the Service for Service targets, each of the target\'s workloads\notherwise), once per HTTP method and path (a concrete path is made from an Istio pattern: `/api/*`\nis asked as `/api/`), or one plain connection for an intent without HTTP resources \u2014 and reports the\nfirst refusal at the entry\'s name, with the reason the evaluator gives. Entries whose client or\nserver is not in the input are not checked (`intent-unknown-target` reports missing servers).\n\n## How to fix\n\nChange what refuses the call, or the intent. For a DENY policy, narrow it (or drop the intent if the\nDENY is meant). For a client the operator generates nothing for, inject a regular sidecar (annotate\nthe pod `sidecar.istio.io/nativeSidecar: "false"` if Istio runs native sidecars), protect the server:\n\n```yaml\napiVersion: k8s.otterize.com/v2beta1\nkind: ProtectedService\nmetadata:\n  name: payments\n  namespace: shop\nspec:\n  name: payments\n```\n\nor admit the client with a hand-written AuthorizationPolicy. For an ambient server, attach a waypoint\n(`istio.io/use-waypoint`) or drop the HTTP resources from the intent.\n\n## Examples\n\nA DENY policy on the server; then a client without a sidecar; then the operator\'s own test case\n(v1alpha2 HTTP resources, a hand-written ALLOW for another client beside the generated one):\n\n<!-- examples: deny-policy (intents.yaml, freeze.yaml), client-without-sidecar (intents.yaml), ok-generated-policy-admits (intents.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/intent-denied/deny-policy):\n\n`intents.yaml`:\n\n```yaml\n# checkout declares POST /charge on payments (v1beta1: HTTP resources count with type: http).\napiVersion: k8s.otterize.com/v1beta1\nkind: ClientIntents\nmetadata:\n  name: checkout\n  namespace: shop\nspec:\n  service:\n    name: checkout\n  calls:\n  - name: payments\n    type: http\n    HTTPResources:\n    - path: /charge\n      methods: [POST]\n```\n\n`freeze.yaml`:\n\n```yaml\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: freeze-charges\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: payments\n  action: DENY\n  rules:\n  - to:\n    - operation:\n        paths: ["/charge"]\n```\n\nAlso in the case, not shown: `workloads.yaml`.\n\nmeshlint reports:\n\n```text\nintents.yaml:11:11: ClientIntents "shop/checkout" declares that Deployment shop/checkout calls Deployment shop/payments (POST /charge), but the mesh refuses it: DENY policy "shop/freeze-charges" rule 0 matches. The call fails (HTTP 403 or a reset connection); change what refuses it or the intent. [intent-denied]\n```\n\nIncorrect (fixtures/intent-denied/client-without-sidecar):\n\n`intents.yaml`:\n\n```yaml\napiVersion: k8s.otterize.com/v2beta1\nkind: ClientIntents\nmetadata:\n  name: checkout\n  namespace: shop\nspec:\n  workload:\n    name: checkout\n  targets:\n  - kubernetes:\n      name: payments\n---\n# reports runs without a sidecar: the operator generates nothing for it, while checkout\'s policy\n# makes payments refuse everyone else.\napiVersion: k8s.otterize.com/v2beta1\nkind: ClientIntents\nmetadata:\n  name: reports\n  namespace: shop\nspec:\n  workload:\n    name: reports\n  targets:\n  - service:\n      name: payments\n```\n\nAlso in the case, not shown: `workloads.yaml`.\n\nmeshlint reports:\n\n```text\nintents.yaml:25:13: ClientIntents "shop/reports" declares that Deployment shop/reports calls Service shop/payments, but the Otterize operator generates no policy for it (the client Deployment shop/reports has no sidecar (no sidecar injection and no ambient enrolment)), and the mesh refuses the call: ALLOW policies apply ("shop/authorization-policy-to-payments-from-checkout.shop" (generated by Otterize for ClientIntents shop/checkout, targets[0])) and none matches. The call fails (HTTP 403 or a reset connection). Inject a sidecar into the client, or admit it with a hand-written policy. [intent-denied]\n```\n\nCorrect (fixtures/intent-denied/ok-generated-policy-admits):\n\n`intents.yaml`:\n\n```yaml\n# Translated in part from otterize/intents-operator src/operator/controllers/istiopolicy/policy_manager_test.go (Apache-2.0).\n# v1alpha2 names the HTTP resources `resources`. The hand-written ALLOW for billing does not stop\n# checkout: the generated ALLOW admits it.\napiVersion: k8s.otterize.com/v1alpha2\nkind: ClientIntents\nmetadata:\n  name: checkout\n  namespace: shop\nspec:\n  service:\n    name: checkout\n  calls:\n  - name: payments\n    type: http\n    resources:\n    - path: /charge*\n      methods: [POST, PUT]\n```\n\nAlso in the case, not shown: `policy.yaml`, `workloads.yaml`.\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- otterize/intents-operator `src/operator/controllers/istiopolicy/policy_manager.go` \u2014\n  `createOrUpdatePolicies` (enforcement, Istio policy creation, watched namespaces, the Kubernetes and\n  Service targets only) and `generateAuthorizationPolicy` (the policy: server namespace, selector,\n  `cluster.local/ns/<client ns>/sa/<client SA>`, one `to.operation` per HTTP resource).\n- otterize/intents-operator `src/operator/controllers/intents_reconcilers/istio_policy.go` \u2014 no client\n  pod or no sidecar: nothing is generated; `src/operator/controllers/istiopolicy/tools.go`\n  (`IsPodPartOfIstioMesh`: a container named `istio-proxy` in `spec.containers`).\n- otterize/intents-operator `src/operator/controllers/intents_reconcilers/protected_services/should_protect.go`\n  and `src/shared/operatorconfig/enforcement/config.go` \u2014 enforcement default, active namespaces,\n  ProtectedService by name and kind.\n- istio `pkg/kube/inject/inject.go` (`sidecar.istio.io/nativeSidecar`: istio-proxy as an init container)\n  and `pilot/pkg/features/pilot.go` (`ENABLE_NATIVE_SIDECARS`).\n- istio `pilot/pkg/security/authz/builder/builder.go` and `pilot/pkg/serviceregistry/ambient/authorization.go`\n  \u2014 the evaluation `meshlint check-access` follows.\n\n## Aliases\n\nNone: `istioctl analyze` and Kiali do not read ClientIntents.\n',
  "intent-shared-service-account": '# intent-shared-service-account\n\n> The client of a ClientIntents runs as a service account other workloads share (or as `default`): the policies Otterize generates for it admit them too.\n\nDefault severity: **warning**.\n\n## What happens at runtime\n\nThe Otterize operator admits a client by its mTLS identity: the policies it generates for a\nClientIntents name `cluster.local/ns/<client namespace>/sa/<service account>`, the account read from\none of the client\'s pods (`spec.serviceAccountName`, which Kubernetes sets to `default` when the\ntemplate names none). Istio cannot tell apart workloads that run as the same account, so every\nworkload running as it \u2014 another Deployment sharing the account, or, for `default`, every pod of the\nnamespace that names no account, today or later \u2014 gets the access the ClientIntents declares for\nthis client only. The operator itself notices only when several ClientIntents share an account (its\n`SharedServiceAccountFound` event); meshlint also reports workloads without intents.\n\nReported once per ClientIntents for which the operator generates a policy, at the client\'s name:\nfor the `default` account always, for another account when the input shows other workloads running\nas it.\n\n## How to fix\n\nGive the client a service account of its own:\n\n```yaml\nspec:\n  template:\n    spec:\n      serviceAccountName: checkout\n```\n\n## Examples\n\n<!-- examples: default-account (intents.yaml), ok-own-account (intents.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/intent-shared-service-account/default-account):\n\n`intents.yaml`:\n\n```yaml\n# checkout sets no serviceAccountName: its pods run as "default", like reports.\napiVersion: k8s.otterize.com/v2beta1\nkind: ClientIntents\nmetadata:\n  name: checkout\n  namespace: shop\nspec:\n  workload:\n    name: checkout\n  targets:\n  - kubernetes:\n      name: payments\n```\n\nAlso in the case, not shown: `workloads.yaml`.\n\nmeshlint reports:\n\n```text\nintents.yaml:9:11: ClientIntents "shop/checkout" is for Deployment shop/checkout, which runs as service account "default" (as Deployment shop/reports does): the policies Otterize generates admit "cluster.local/ns/shop/sa/default", so every workload of namespace shop without a serviceAccountName gets the access declared here. Give the client its own service account. [intent-shared-service-account]\n```\n\nCorrect (fixtures/intent-shared-service-account/ok-own-account):\n\n`intents.yaml`:\n\n```yaml\napiVersion: k8s.otterize.com/v2beta1\nkind: ClientIntents\nmetadata:\n  name: checkout\n  namespace: shop\nspec:\n  workload:\n    name: checkout\n  targets:\n  - kubernetes:\n      name: payments\n```\n\nAlso in the case, not shown: `workloads.yaml`.\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- otterize/intents-operator `src/operator/controllers/intents_reconcilers/istio_policy.go` \u2014 the\n  client\'s account is `pod.Spec.ServiceAccountName` of one of its pods.\n- otterize/intents-operator `src/operator/controllers/istiopolicy/policy_manager.go` \u2014\n  `generateAuthorizationPolicy` (`cluster.local/ns/%s/sa/%s`) and\n  `updateServiceAccountSharedStatus` (the operator\'s own shared-account event).\n- Kubernetes `plugin/pkg/admission/serviceaccount/admission.go` \u2014 a pod without\n  `serviceAccountName` runs as `default`.\n\n## Aliases\n\nNone.\n',
  "intent-unknown-target": "# intent-unknown-target\n\n> A ClientIntents target names a workload or Service that is not in the input, in a namespace that is: the call it declares has no server, and the generated policy protects nothing.\n\nDefault severity: **warning**.\n\n## What happens at runtime\n\nThe Otterize operator finds a target by its identity. A `service:` target (v2), a `svc:` name or\n`kind: Service` (v1) names a Kubernetes Service: without it the operator generates no policy. Any\nother Kubernetes target names a workload as the operator names it \u2014 the pod's\n`intents.otterize.com/workload-name` annotation (or the deprecated `intents.otterize.com/service-name`),\nelse the top owner's name with `.` turned into `_` (`api.v1` is `api_v1`) \u2014 and, when the target has a\n`kind`, the owner's kind. The operator labels every pod with its identity\n(`intents.otterize.com/service`, `intents.otterize.com/owner-kind`) and the generated policy selects\nthose labels: for a name no pod carries, the policy selects nothing, the server the team meant stays\nunprotected by it, and the declared call goes nowhere. Usually it is a typo, the Service's name\nwritten as a workload target, or a `kind` that is not the workload's.\n\nA workload is reported missing only when the input shows the workloads of its namespace (the\nNamespace object and at least one workload); a Service only when the input holds objects of its\nnamespace. A target in a namespace the input does not hold, and Kafka, SQL and cloud targets, are\nnot checked.\n\n## How to fix\n\nName the workload as the operator does, or write the Service as a service target:\n\n```yaml\ntargets:\n- service:\n    name: payments\n```\n\n## Examples\n\nA typo in a v1beta1 call; then names the operator derives from an annotation, a dotted name and an\nowner kind:\n\n<!-- examples: unknown-workload (intents.yaml), ok-identities (intents.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/intent-unknown-target/unknown-workload):\n\n`intents.yaml`:\n\n```yaml\n# A typo: the workload is payments.\napiVersion: k8s.otterize.com/v1beta1\nkind: ClientIntents\nmetadata:\n  name: checkout\n  namespace: shop\nspec:\n  service:\n    name: checkout\n  calls:\n  - name: payment\n```\n\nAlso in the case, not shown: `workloads.yaml`.\n\nmeshlint reports:\n\n```text\nintents.yaml:11:11: ClientIntents \"shop/checkout\" declares a call to \"payment\" in namespace shop, but no workload of the input has that Otterize identity (did you mean \"payments\"?): the policy the operator generates selects no pod, and the call has no server. Name the workload as the operator does (its top owner's name, or its intents.otterize.com/workload-name annotation). [intent-unknown-target]\n```\n\nCorrect (fixtures/intent-unknown-target/ok-identities):\n\n`intents.yaml`:\n\n```yaml\n# The operator names web-v2 by its annotation, api.v1 as api_v1 (. turned into _), db by its owner kind.\n# Kafka and SQL targets are not Kubernetes workloads; kubernetes.default, the API server's Service, is in\n# every cluster although no manifest holds it.\napiVersion: k8s.otterize.com/v2beta1\nkind: ClientIntents\nmetadata:\n  name: checkout\n  namespace: shop\nspec:\n  workload:\n    name: checkout\n  targets:\n  - kubernetes:\n      name: web\n  - kubernetes:\n      name: api_v1\n  - kubernetes:\n      name: db\n      kind: StatefulSet\n  - service:\n      name: db.shop\n  - kafka:\n      name: kafka.streaming\n      topics:\n      - name: orders\n        operations: [produce]\n  - sql:\n      name: warehouse\n  - service:\n      name: kubernetes.default\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: default\ndata: {}\n```\n\nAlso in the case, not shown: `workloads.yaml`.\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- otterize/intents-operator `src/shared/serviceidresolver/podownerresolver/podownerresolver.go` and\n  `config.go` \u2014 the override annotation, the top owner's name with `.` as `_`, the owner kind.\n- otterize/intents-operator `src/operator/api/v2alpha1/otterize_labels.go` \u2014\n  `ServiceIdentityToLabelsForWorkloadSelection`: the Service's selector for kind Service, else\n  `intents.otterize.com/service` (and `owner-kind` for a kind); no policy for a missing Service.\n- otterize/intents-operator `src/operator/controllers/pod_reconcilers/pods.go` \u2014 `addOtterizePodLabels`.\n- otterize/intents-operator `src/operator/api/v1beta1/webhooks.go` and `api/v2alpha1/clientintents_types.go`\n  \u2014 `svc:`, `name.namespace`, the legacy kind of a target written without one.\n\n## Aliases\n\nNone: `istioctl analyze` and Kiali do not read ClientIntents.\n",
  "istio-annotations": '# istio-annotations\n\n## What happens at runtime\n\nIstio reads its annotations (`sidecar.istio.io/\u2026`, `traffic.sidecar.istio.io/\u2026`,\n`networking.istio.io/\u2026`, `proxy.istio.io/config`, any `*.istio.io` name) from particular kinds of\nobjects, and ignores everything else silently:\n\n- **Unknown** (`unknownAnnotation`, `unknownAnnotationNear`): an annotation in an `istio.io`\n  namespace that is not in Istio\'s annotation registry (istio/api `annotation/annotations.yaml`)\n  is read by nothing \u2014 a misspelled `sidecar.istio.io/proxyCPUs` leaves the proxy with its default\n  resources. When a known name is close, the message names it.\n- **Misplaced** (`misplacedAnnotation`): an annotation on a kind Istio does not read it from has no\n  effect. The usual case is a pod annotation (`sidecar.istio.io/\u2026`) on a Deployment\'s own\n  metadata: the injector reads the pod\'s annotations, which come from the pod template.\n- **Invalid** (`invalidAnnotation`): the sidecar injector checks the values of some annotations\n  (ports, CIDRs, interface names, interception mode, resource quantities, booleans,\n  `readiness.status.sidecar.istio.io/*` numbers) before it injects, and fails the injection when\n  one is wrong; its webhook fails closed (`failurePolicy: Fail`), so such a pod, if it is to get a\n  sidecar, is not created at all.\n- **Deprecated** (`deprecatedAnnotation`): still read, but due to go; `sidecar.istio.io/inject` is\n  not reported when the pod also has the label of that name that replaces it.\n- **Alpha** (`alphaAnnotation`, only with the option `alpha: true`): the annotation is an alpha\n  feature. istioctl analyze leaves this check out of its default run, as most annotations are\n  alpha; so does this rule.\n\nWhat is checked, as `istioctl analyze` does: the annotations of Namespaces, Services, Pods and of\nDeployments\' own metadata; and, because the injector reads them from there, the pod templates of\nevery workload (Deployments, StatefulSets, Jobs, Knative Services\u2026), checked as Pod annotations.\nAnnotations Istio writes itself (`sidecar.istio.io/status`, `istio.io/rev`,\n`gateway.istio.io/controller-version`) are not reported; nor, for the alpha check, the capture\nannotations the injector writes onto pods whose capture istio-cni sets up (no `istio-init`). Objects\nlabelled `gateway.istio.io/managed` are skipped whole: istiod\'s gateway controller generates them for a\nGateway API Gateway and copies the Gateway\'s annotations onto them (a cluster dump holds them; the\nannotation belongs on the Gateway, where it was written).\n`kubernetes.io/ingress.class` is the one annotation outside `istio.io` that Istio documents and\nchecks. The value of `proxy.istio.io/config` (a ProxyConfig) is not checked.\n\nThe registry is vendored by `scripts/vendor-istio-annotations.mjs` into\n`src/model/istio-annotations.gen.ts`, which records the istio/api commit it came from.\n\n## How to fix\n\nCorrect the annotation\'s name or value, move it to the object Istio reads it from (a pod\nannotation belongs in `spec.template.metadata.annotations`), or remove it. For\n`sidecar.istio.io/inject`, set the pod label of that name instead.\n\n## Options\n\n| Option | Type | Default | Meaning |\n| --- | --- | --- | --- |\n| `alpha` | boolean | `false` | Also report annotations whose feature status is alpha (istioctl\'s IST0136, which its default run leaves out). |\n\n```yaml\n# .meshlint.yaml\nrules:\n  istio-annotations: [warn, { alpha: true }]\n```\n\nWith that configuration, fixtures/istio-annotations/options-alpha reports the alpha annotations a\nuser set on a pod; ok-options-alpha shows the ones the injector sets, which are not reported.\n\n## Examples\n\n<!-- examples: misannotated (objects.yaml), invalid-values (deployment.yaml), ok-annotations (objects.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/istio-annotations/misannotated):\n\n`objects.yaml`:\n\n```yaml\n# Adapted from istio pkg/config/analysis/analyzers/testdata/misannotated.yaml (Apache-2.0, \xA9 Istio Authors).\napiVersion: v1\nkind: Service\nmetadata:\n  name: httpbin\n  annotations:\n    # no such Istio annotation\n    networking.istio.io/exportThree: bar\n    networking.istio.io/exportTo: baz\nspec:\n  ports:\n  - name: http\n    port: 8000\n  selector:\n    app: httpbin\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: grafana-test\n  annotations:\n    proxy.istio.io/config: "{}"\n    helm.sh/hook: test-success\n    # belongs on an Ingress\n    kubernetes.io/ingress.class: "istio"\n    gateway.istio.io/controller-version: "5"\nspec:\n  containers:\n  - name: grafana-test\n    image: grafana/grafana\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: fortio-deploy\n  annotations:\n    # belongs on the pod template, and is deprecated\n    sidecar.istio.io/statsInclusionPrefixes: cluster.outbound\nspec:\n  selector:\n    matchLabels:\n      app: fortio\n  template:\n    metadata:\n      labels:\n        app: fortio\n      annotations:\n        sidecar.istio.io/inject: "false"\n        sidecar.istio.io/proxyCPUs: 100m\n        istio.io/no-such-thing: "x"\n    spec:\n      containers:\n      - name: fortio\n        image: fortio/fortio\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: staging\n  annotations:\n    kubernetes.io/ingress.class: "foo"\n```\n\nmeshlint reports:\n\n```text\nobjects.yaml:8:5: Service "httpbin" has annotation "networking.istio.io/exportThree", which Istio does not know: nothing reads it, so it has no effect. Check its name against Istio\'s annotation reference, or remove it. [istio-annotations]\nobjects.yaml:25:5: Pod "grafana-test" has annotation "kubernetes.io/ingress.class", which Istio reads only on Ingress: here it has no effect. Move it to the Ingress it is meant for, or remove it. [istio-annotations]\nobjects.yaml:38:5: Deployment "fortio-deploy" has annotation "sidecar.istio.io/statsInclusionPrefixes", which Istio has deprecated: it may stop working in a future release. Look up what replaces it in Istio\'s annotation reference, or remove it. [istio-annotations]\nobjects.yaml:38:5: Deployment "fortio-deploy" has annotation "sidecar.istio.io/statsInclusionPrefixes", which Istio reads only on Pod: here it has no effect. Move it to the pod template (spec.template.metadata.annotations). [istio-annotations]\nobjects.yaml:48:9: The pod template of Deployment "fortio-deploy" has annotation "sidecar.istio.io/inject", which Istio has deprecated: it may stop working in a future release. Set the pod label "sidecar.istio.io/inject" instead. [istio-annotations]\nobjects.yaml:49:9: The pod template of Deployment "fortio-deploy" has annotation "sidecar.istio.io/proxyCPUs", which Istio does not know: nothing reads it, so it has no effect. Did you mean "sidecar.istio.io/proxyCPU"? [istio-annotations]\nobjects.yaml:50:9: The pod template of Deployment "fortio-deploy" has annotation "istio.io/no-such-thing", which Istio does not know: nothing reads it, so it has no effect. Check its name against Istio\'s annotation reference, or remove it. [istio-annotations]\nobjects.yaml:61:5: Namespace "staging" has annotation "kubernetes.io/ingress.class", which Istio reads only on Ingress: here it has no effect. Move it to the Ingress it is meant for, or remove it. [istio-annotations]\n```\n\nIncorrect (fixtures/istio-annotations/invalid-values):\n\n`deployment.yaml`:\n\n```yaml\n# Values pkg/kube/inject/validate.go refuses (cases after its validate_test.go).\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: reviews\nspec:\n  selector:\n    matchLabels:\n      app: reviews\n  template:\n    metadata:\n      labels:\n        app: reviews\n      annotations:\n        readiness.status.sidecar.istio.io/initialDelaySeconds: bar\n        sidecar.istio.io/interceptionMode: redirect\n        traffic.sidecar.istio.io/excludeInboundPorts: "80,,443"\n        traffic.sidecar.istio.io/includeOutboundIPRanges: 10.0.0.0/33\n        traffic.sidecar.istio.io/excludeInterfaces: "1eth"\n        sidecar.istio.io/proxyMemory: 1 GB\n        prometheus.istio.io/merge-metrics: "yes"\n        status.sidecar.istio.io/port: "70000"\n    spec:\n      containers:\n      - name: reviews\n        image: reviews\n```\n\nmeshlint reports:\n\n```text\ndeployment.yaml:15:9: The pod template of Deployment "reviews" has annotation "readiness.status.sidecar.istio.io/initialDelaySeconds" with a value the sidecar injector refuses: "bar" is not a non-negative whole number. Injecting a sidecar into such a pod fails, and since the injection webhook fails closed, the pod is not created. Fix the value. [istio-annotations]\ndeployment.yaml:16:9: The pod template of Deployment "reviews" has annotation "sidecar.istio.io/interceptionMode" with a value the sidecar injector refuses: "redirect" is not REDIRECT, TPROXY or NONE. Injecting a sidecar into such a pod fails, and since the injection webhook fails closed, the pod is not created. Fix the value. [istio-annotations]\ndeployment.yaml:17:9: The pod template of Deployment "reviews" has annotation "traffic.sidecar.istio.io/excludeInboundPorts" with a value the sidecar injector refuses: a port in the list is empty. Injecting a sidecar into such a pod fails, and since the injection webhook fails closed, the pod is not created. Fix the value. [istio-annotations]\ndeployment.yaml:18:9: The pod template of Deployment "reviews" has annotation "traffic.sidecar.istio.io/includeOutboundIPRanges" with a value the sidecar injector refuses: "10.0.0.0/33" is not a CIDR (address/prefix length). Injecting a sidecar into such a pod fails, and since the injection webhook fails closed, the pod is not created. Fix the value. [istio-annotations]\ndeployment.yaml:19:9: The pod template of Deployment "reviews" has annotation "traffic.sidecar.istio.io/excludeInterfaces" with a value the sidecar injector refuses: interface name "1eth" contains invalid characters. Injecting a sidecar into such a pod fails, and since the injection webhook fails closed, the pod is not created. Fix the value. [istio-annotations]\ndeployment.yaml:20:9: The pod template of Deployment "reviews" has annotation "sidecar.istio.io/proxyMemory" with a value the sidecar injector refuses: "1 GB" is not a Kubernetes quantity (e.g. 100m, 128Mi). Injecting a sidecar into such a pod fails, and since the injection webhook fails closed, the pod is not created. Fix the value. [istio-annotations]\ndeployment.yaml:21:9: The pod template of Deployment "reviews" has annotation "prometheus.istio.io/merge-metrics" with a value the sidecar injector refuses: "yes" is not true or false. Injecting a sidecar into such a pod fails, and since the injection webhook fails closed, the pod is not created. Fix the value. [istio-annotations]\ndeployment.yaml:22:9: The pod template of Deployment "reviews" has annotation "status.sidecar.istio.io/port" with a value the sidecar injector refuses: "70000" is not a port number (0-65535). Injecting a sidecar into such a pod fails, and since the injection webhook fails closed, the pod is not created. Fix the value. [istio-annotations]\n```\n\nCorrect (fixtures/istio-annotations/ok-annotations):\n\n`objects.yaml`:\n\n```yaml\n# Istio annotations where Istio reads them, with values the injector accepts; annotations Istio\n# itself writes; annotations of other projects.\napiVersion: v1\nkind: Service\nmetadata:\n  name: details\n  annotations:\n    networking.istio.io/exportTo: "."\n    kubernetes.io/psp: my-privileged-psp\nspec:\n  ports:\n  - name: http\n    port: 80\n  selector:\n    app: details\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: details\nspec:\n  selector:\n    matchLabels:\n      app: details\n  template:\n    metadata:\n      labels:\n        app: details\n        sidecar.istio.io/inject: "true"\n      annotations:\n        # deprecated, but kept beside the label that replaces it\n        sidecar.istio.io/inject: "true"\n        sidecar.istio.io/proxyCPU: 100m\n        sidecar.istio.io/proxyMemoryLimit: 1Gi\n        proxy.istio.io/config: |\n          holdApplicationUntilProxyStarts: true\n        traffic.sidecar.istio.io/excludeOutboundPorts: "3306, 5432"\n        traffic.sidecar.istio.io/includeOutboundIPRanges: "*"\n        traffic.sidecar.istio.io/excludeOutboundIPRanges: 10.0.0.0/8,fd00::/8\n        traffic.sidecar.istio.io/excludeInterfaces: eth1,net0.100\n        status.sidecar.istio.io/port: "15021"\n        readiness.status.sidecar.istio.io/periodSeconds: "10"\n        prometheus.istio.io/merge-metrics: "False"\n        sidecar.istio.io/interceptionMode: TPROXY\n    spec:\n      containers:\n      - name: details\n        image: details\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: read-back\n  annotations:\n    istio.io/rev: default\n    sidecar.istio.io/status: \'{"containers":["istio-proxy"]}\'\n    ambient.istio.io/redirection: enabled\nspec:\n  containers:\n  - name: app\n    image: app\n```\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- istio `pkg/config/analysis/analyzers/annotations/annotations.go` \u2014 istioctl\'s unknown,\n  misplaced, invalid and deprecated checks, and which kinds it reads.\n- istio `pkg/config/analysis/analyzers/maturity/maturity.go` \u2014 the alpha check and the\n  annotations it skips.\n- istio/api `annotation/annotations.yaml` (the source of `annotation/annotations.gen.go`) \u2014 the\n  registry: names, feature status, deprecation, the kinds each belongs on.\n- istio `pkg/kube/inject/validate.go` (`AnnotationValidation`) and `pkg/util/net/ip.go`\n  (`ValidateInterfaceNames`) \u2014 the values the injector accepts; `pkg/kube/inject/inject.go`\n  (`RunTemplate`) fails the injection on an invalid one.\n- istio `manifests/charts/istio-control/istio-discovery/templates/mutatingwebhook.yaml` \u2014\n  `failurePolicy: Fail`.\n\n## Aliases\n\n- `IST0107` (istioctl analyze, MisplacedAnnotation) \u2014 `misplacedAnnotation`.\n- `IST0108` (UnknownAnnotation) \u2014 `unknownAnnotation`, `unknownAnnotationNear`.\n- `IST0125` (InvalidAnnotation) \u2014 `invalidAnnotation`.\n- `IST0135` (DeprecatedAnnotation) \u2014 `deprecatedAnnotation`.\n- `IST0136` (AlphaAnnotation) \u2014 `alphaAnnotation`.\n',
  "istio-gateway-servers": '# istio-gateway-servers\n\n> An Istio Gateway\'s servers do not work as written: they clash with another Gateway\'s on the same proxy, select no pod, or listen on a port the gateway\'s Service does not expose.\n\nDefault severity: **warning**.\n\n## What happens at runtime\n\nAn Istio `Gateway` (`networking.istio.io`) configures the gateway pods its `selector` matches, in\nevery namespace. istiod merges the servers of all Gateways that select one gateway proxy, port by\nport and bind address by bind address, in its own order (not the files\'):\n\n| message | what happens |\n| --- | --- |\n| `duplicateTlsHost` | two Gateways have TLS servers (`tls` set) on the same port and bind with a host in common: Envoy cannot match one SNI name twice, so istiod skips the whole server it merges second, every host of it included. |\n| `protocolConflict` | two Gateways have plaintext servers on the same port and bind, and they are not both HTTP (`HTTP`, `HTTP2`, `GRPC`\u2026): istiod merges plaintext servers only when both speak HTTP, and skips the other. Two `TCP` servers on one port clash too. |\n| `selectsNoPod` | in a complete input (`complete: true`), no pod has the selector\'s labels: no proxy takes the Gateway\'s servers. |\n| `portNotOnService` | the gateway pods are in the input, some Service selects them (or the input is complete), and no Service selecting them exposes the server\'s port as a `port` or `targetPort` (named target ports resolved through the pods\' container ports): the listener exists, but clients of the gateway\'s Service cannot reach it. |\n\nGateways configure the same proxy when their selectors are equal, or when a pod of the input\nmatches both. Plain HTTP servers of several Gateways on one port are merged into one route\nconfiguration, whatever their hosts: that is how several teams share an ingress gateway, and it is\nnot reported. Without a complete input, a selector that matches no pod of the input may match pods\nof a namespace the input does not hold: not reported. Likewise gateway pods that no Service of the\ninput selects, in a partial input: their Service is installed elsewhere (with the gateway\'s Helm\nchart), so which ports it exposes is unknown and nothing is reported.\n\n## How to fix\n\n- `duplicateTlsHost`: serve each host once per port on one gateway deployment; move one Gateway to\n  another port, bind address or gateway deployment.\n- `protocolConflict`: give the TCP (or TLS passthrough) server its own port.\n- `selectsNoPod`: copy the gateway deployment\'s pod labels into `selector` (often `istio: ingressgateway`).\n- `portNotOnService`: add the port to the gateway Service (`port` and `targetPort`), or listen on a\n  target port the Service already has.\n\n## Examples\n\n<!-- examples: duplicate-tls-host (gateways.yaml), protocol-conflict (gateways.yaml), ok-http-servers-merge (gateways.yaml), ok-partial-selects-no-pod -->\n<!-- examples:start -->\n\nIncorrect (fixtures/istio-gateway-servers/duplicate-tls-host):\n\n`gateways.yaml`:\n\n```yaml\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: shop\n  namespace: shop\nspec:\n  selector:\n    istio: ingressgateway\n  servers:\n  - port: {number: 443, name: https-shop, protocol: HTTPS}\n    hosts: ["shop.example.com", "www.example.com"]\n    tls: {mode: SIMPLE, credentialName: shop-cert}\n---\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: marketing\n  namespace: marketing\nspec:\n  selector:\n    istio: ingressgateway\n  servers:\n  - port: {number: 443, name: https-www, protocol: HTTPS}\n    hosts: ["www.example.com"]\n    tls: {mode: SIMPLE, credentialName: www-cert}\n  # Another host on the same port: served by SNI, no clash.\n  - port: {number: 443, name: https-blog, protocol: HTTPS}\n    hosts: ["blog.example.com"]\n    tls: {mode: SIMPLE, credentialName: blog-cert}\n```\n\nAlso in the case, not shown: `ingress.yaml`.\n\nmeshlint reports:\n\n```text\ngateways.yaml:10:20: Gateway "shop" serves www.example.com with TLS on port 443, as Gateway "marketing/marketing" does on the same gateway pods (istio=ingressgateway): istiod skips the whole server of the Gateway it merges second, all its hosts included. Serve each host once per port, or give the servers different ports or binds. [istio-gateway-servers]\ngateways.yaml:23:20: Gateway "marketing" serves www.example.com with TLS on port 443, as Gateway "shop/shop" does on the same gateway pods (istio=ingressgateway): istiod skips the whole server of the Gateway it merges second, all its hosts included. Serve each host once per port, or give the servers different ports or binds. [istio-gateway-servers]\n```\n\nIncorrect (fixtures/istio-gateway-servers/protocol-conflict):\n\n`gateways.yaml`:\n\n```yaml\n# After istio pkg/config/analysis/analyzers/testdata/conflicting-gateways-subSelector.yaml (Apache-2.0):\n# different selectors, the same pods.\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: beta\n  namespace: istio-ingress\nspec:\n  selector:\n    istio: ingressgateway\n    app: istio-ingressgateway\n  servers:\n  - port:\n      number: 80\n      name: tcp\n      protocol: TCP\n    hosts:\n    - "foo.bar"\n---\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: alpha\n  namespace: istio-ingress\nspec:\n  selector:\n    istio: ingressgateway\n  servers:\n  - port:\n      number: 80\n      name: http\n      protocol: HTTP\n    hosts:\n    - "other.bar"\n```\n\nAlso in the case, not shown: `ingress.yaml`.\n\nmeshlint reports:\n\n```text\ngateways.yaml:14:15: Gateway "beta" listens on port 80 with TCP, and Gateway "istio-ingress/alpha" (HTTP) on the same port of the same gateway pods (app=istio-ingressgateway,istio=ingressgateway): istiod merges plaintext servers of one port only when both speak HTTP, so it skips one of them. Use different ports, or the same HTTP protocol. [istio-gateway-servers]\ngateways.yaml:30:15: Gateway "alpha" listens on port 80 with HTTP, and Gateway "istio-ingress/beta" (TCP) on the same port of the same gateway pods (istio=ingressgateway): istiod merges plaintext servers of one port only when both speak HTTP, so it skips one of them. Use different ports, or the same HTTP protocol. [istio-gateway-servers]\n```\n\nCorrect (fixtures/istio-gateway-servers/ok-http-servers-merge):\n\n`gateways.yaml`:\n\n```yaml\n# Plain HTTP servers of two Gateways on one port, even for the same host: istiod merges them into\n# one route configuration (pilot/pkg/model/gateway.go, canMergeProtocols), and the VirtualServices\n# of both apply. istioctl reports IST0145 and Kiali KIA0301 here. TLS servers with different\n# binds are different listeners.\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: shop\n  namespace: shop\nspec:\n  selector:\n    istio: ingressgateway\n  servers:\n  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: ["shop.example.com"]\n  - port: {number: 443, name: https, protocol: HTTPS}\n    hosts: ["shop.example.com"]\n    bind: 10.0.0.1\n    tls: {mode: SIMPLE, credentialName: shop-cert}\n---\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: shop-api\n  namespace: shop\nspec:\n  selector:\n    istio: ingressgateway\n  servers:\n  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: ["shop.example.com"]\n  - port: {number: 443, name: https, protocol: HTTPS}\n    hosts: ["shop.example.com"]\n    bind: 10.0.0.2\n    tls: {mode: SIMPLE, credentialName: shop-cert}\n---\n# Another gateway deployment: same port and host, other pods.\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: internal\n  namespace: shop\nspec:\n  selector:\n    istio: internal-gateway\n  servers:\n  - port: {number: 80, name: tcp, protocol: TCP}\n    hosts: ["shop.example.com"]\n```\n\nAlso in the case, not shown: `ingress.yaml`.\n\nmeshlint reports nothing for this rule.\n\nCorrect (fixtures/istio-gateway-servers/ok-partial-selects-no-pod):\n\n`gateway.yaml`:\n\n```yaml\n# Not a complete input: the pods with these labels may run in a namespace the input does not hold.\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: httpbin-gateway\n  namespace: istio-ingress\nspec:\n  selector:\n    istio: ingress\n  servers:\n  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: ["*"]\n```\n\n`ingress.yaml`:\n\n```yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: istio-ingress\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: istio-ingressgateway\n  namespace: istio-ingress\nspec:\n  selector:\n    matchLabels: {istio: ingressgateway}\n  template:\n    metadata:\n      labels: {istio: ingressgateway, app: istio-ingressgateway}\n      annotations: {inject.istio.io/templates: gateway}\n    spec:\n      containers:\n      - name: istio-proxy\n        image: auto\n        ports:\n        - {name: http2, containerPort: 8080}\n        - {name: https, containerPort: 8443}\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: istio-ingressgateway\n  namespace: istio-ingress\nspec:\n  selector: {istio: ingressgateway}\n  ports:\n  - {name: http2, port: 80, targetPort: 8080}\n  - {name: https, port: 443, targetPort: https}\n```\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- istio `pilot/pkg/model/gateway.go` \u2014 `mergeGateways` (servers of every Gateway of a proxy, by\n  port and bind), `CheckDuplicates` (TLS servers: "skipping server on gateway \u2026, duplicate host\n  names"), `canMergeProtocols` (plaintext servers merge only when both are HTTP).\n- istio `pkg/config/protocol/instance.go` \u2014 `IsHTTP`.\n- istio `pkg/config/analysis/analyzers/gateway/gateway.go` (IST0101 for a selector without pods,\n  IST0162) and `conflictinggateway.go` (IST0145).\n\n## Aliases\n\n- `IST0145` (istioctl analyze, `ConflictingGateways`) \u2014 istioctl reports any two Gateways of one\n  selector and port that share a host, plain HTTP ones included, which istiod merges; meshlint\n  reports what istiod skips (`ok-http-servers-merge`).\n- `IST0162` (istioctl analyze, `GatewayPortNotDefinedOnService`).\n- `IST0101` (istioctl analyze, `ReferencedResourceNotFound`, `gateway/gateway.go`): a Gateway whose\n  selector matches no pod, here `selectsNoPod`; istioctl says so of any input, meshlint only of a\n  complete one.\n- `KIA0301` (Kiali, `business/checkers/gateways/multi_match_checker.go`) \u2014 as IST0145.\n- `KIA0302` (Kiali, `business/checkers/gateways/selector_checker.go`) \u2014 Kiali looks for the pods in\n  every namespace it sees, as istiod does; meshlint says so only of a complete input.\n',
  "jwks-fetch-unrestricted": '# jwks-fetch-unrestricted\n\n> RequestAuthentications make istiod fetch JWKS URLs while istiod does not set BLOCKED_CIDRS_IN_JWKS_URIS, so it fetches from private and loopback addresses.\n\nDefault severity: **warning**.\n\n## What happens at runtime\n\nFor each `jwtRules` entry without inline `jwks`, **istiod** fetches the signing keys \u2014 from\n`jwksUri`, or from the URL the issuer\'s OpenID discovery document names \u2014 and pushes them to the\nproxies. istiod always refuses link-local and well-known cloud metadata addresses, but fetches from\nprivate (RFC 1918, ULA) and loopback addresses unless `BLOCKED_CIDRS_IN_JWKS_URIS` on istiod lists\nthem. So anyone allowed to create a RequestAuthentication in any namespace can make istiod send\nrequests to in-cluster endpoints (server-side request forgery from the control plane).\n\nThe rule reports at each istiod Deployment of the input (label `app: istiod`) whose containers do\nnot set the variable, when some RequestAuthentication of the input makes istiod fetch keys.\n\n## How to fix\n\nSet the ranges istiod must not reach, in the Helm values (`pilot.env`) or the Deployment:\n\n```yaml\nenv:\n- name: BLOCKED_CIDRS_IN_JWKS_URIS\n  value: "10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,127.0.0.0/8"\n```\n\nOr give the keys inline (`jwks`), so istiod fetches nothing.\n\n## Examples\n\n<!-- examples: istiod-without-blocked-cidrs, ok-inline-jwks -->\n<!-- examples:start -->\n\nIncorrect (fixtures/jwks-fetch-unrestricted/istiod-without-blocked-cidrs):\n\n`istio.yaml`:\n\n```yaml\n# Copied from istio pkg/config/analysis/analyzers/testdata/blocked-cidrs-missing.yaml (Apache-2.0).\napiVersion: security.istio.io/v1\nkind: RequestAuthentication\nmetadata:\n  name: jwt-auth\n  namespace: default\nspec:\n  jwtRules:\n    - issuer: "https://example.com"\n      jwksUri: "https://example.com/.well-known/jwks.json"\n---\napiVersion: security.istio.io/v1\nkind: RequestAuthentication\nmetadata:\n  name: jwt-auth-2\n  namespace: istio-system\nspec:\n  jwtRules:\n    - issuer: "https://other.example.com"\n      jwksUri: "https://other.example.com/.well-known/jwks.json"\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: istiod\n  namespace: istio-system\n  labels:\n    app: istiod\nspec:\n  selector:\n    matchLabels:\n      app: istiod\n  template:\n    metadata:\n      labels:\n        app: istiod\n    spec:\n      containers:\n        - name: discovery\n          image: registry.istio.io/testing/pilot:latest\n          env:\n            - name: PILOT_ENABLE_ANALYSIS\n              value: "true"\n```\n\nmeshlint reports:\n\n```text\nistio.yaml:25:9: istiod Deployment "istiod" does not set BLOCKED_CIDRS_IN_JWKS_URIS, and 2 RequestAuthentication(s) (default/jwt-auth and istio-system/jwt-auth-2) make it fetch keys by URL: istiod fetches from any private or loopback address a jwksUri resolves to, so whoever may write a RequestAuthentication can make istiod call in-cluster endpoints. Set BLOCKED_CIDRS_IN_JWKS_URIS to the ranges istiod must not reach. [jwks-fetch-unrestricted]\n```\n\nCorrect (fixtures/jwks-fetch-unrestricted/ok-inline-jwks):\n\n`istio.yaml`:\n\n```yaml\n# Inline keys: istiod fetches nothing.\napiVersion: security.istio.io/v1\nkind: RequestAuthentication\nmetadata:\n  name: jwt-inline\n  namespace: default\nspec:\n  jwtRules:\n  - issuer: https://example.com\n    jwks: \'{"keys": [{"kty": "RSA", "e": "AQAB", "n": "xAE7eB6qugXyCAG3yhh7pkDkT65pHymX-P7KfIupjf59vsdo91bSP9C8H07pSAGQO1MV_xFj9VswgsCg4R6otmg5PV2He95lZdHtOcU5DXIg_pbhLdKXbi66GlVeK6ABZOUW3WYtnNHD-91gVuoeJT_DwtGGcp4ignkgXfkiEm4sw-4sfb4qdt5oLbyVpmW6x9cfa7vs2WTfURiCrBoUqgBo_-4WTiULmmHSGZHOjzwa8WtrtOQGsAFjIbno85jp6MnGGGZPYZbDAa_b3y5u-YpW7ypZrvD8BgtKVjgtQgZhLAGezMt0ua3DRrWnKqTZ0BJ_EyxOGuHJrLsn00fnMQ"}]}\'\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: istiod\n  namespace: istio-system\n  labels:\n    app: istiod\nspec:\n  selector:\n    matchLabels:\n      app: istiod\n  template:\n    metadata:\n      labels:\n        app: istiod\n    spec:\n      containers:\n      - name: discovery\n        image: istio/pilot\n```\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- istio `pilot/pkg/model/jwks_resolver.go` \u2014 `jwksBlockedIP`: what istiod refuses to fetch.\n- istio `pilot/pkg/features/pilot.go` \u2014 `BLOCKED_CIDRS_IN_JWKS_URIS`.\n\n## Aliases\n\n- `IST0175` (istioctl analyze, JwksUriFetchUnrestricted,\n  `pkg/config/analysis/analyzers/authn/blockedcidrs.go`) \u2014 istioctl also counts\n  RequestAuthentications whose keys are inline, which istiod does not fetch.\n',
  "jwt-claim-routing": '# jwt-claim-routing\n\n> A VirtualService routes on a JWT claim at a gateway whose pods no RequestAuthentication applies to, so the claim is never set.\n\nDefault severity: **error**.\n\n## What happens at runtime\n\nA VirtualService bound to a gateway may match on a validated token\'s claims with the pseudo-header\n`@request.auth.claims.<claim>` (in `headers` or `withoutHeaders`). Envoy reads those claims from the\nmetadata its `jwt_authn` filter writes, and istiod adds that filter to a gateway only when a\nRequestAuthentication applies to the gateway\'s pods (by selector or namespace-wide, in the pods\'\nnamespace or the root namespace). Without one, no token is validated, the claim is never set, and\na `headers` match on it never matches (a `withoutHeaders` match always does): requests fall\nthrough to the next route \u2014 often the one without the restriction.\n\nThe gateway\'s pods are the workloads of the input whose labels match the Istio Gateway\'s\n`selector`, in any namespace. The rule is silent when the root namespace or the pods\' namespace is\nnot in the input (a RequestAuthentication there may apply), unless the input is `--complete`.\n\n## How to fix\n\nAdd a RequestAuthentication for the gateway pods (and an AuthorizationPolicy requiring a token if\nrequests without one must be refused):\n\n```yaml\napiVersion: security.istio.io/v1\nkind: RequestAuthentication\nmetadata:\n  name: ingress-jwt\n  namespace: istio-ingress\nspec:\n  selector:\n    matchLabels:\n      istio: ingressgateway\n  jwtRules:\n  - issuer: https://issuer.example.com\n    jwksUri: https://issuer.example.com/.well-known/jwks.json\n```\n\n## Examples\n\n<!-- examples: claim-without-requestauthentication, ok-requestauthentication-on-gateway (gateway.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/jwt-claim-routing/claim-without-requestauthentication):\n\n`gateway.yaml`:\n\n```yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: istio-ingress\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ingressgateway\n  namespace: istio-ingress\nspec:\n  selector:\n    matchLabels: {istio: ingressgateway}\n  template:\n    metadata:\n      labels: {istio: ingressgateway}\n      annotations:\n        inject.istio.io/templates: gateway\n    spec:\n      containers:\n      - name: istio-proxy\n        image: auto\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: istio-system\n---\n# Selects other pods: not the gateway.\napiVersion: security.istio.io/v1\nkind: RequestAuthentication\nmetadata:\n  name: jwt\n  namespace: istio-ingress\nspec:\n  selector:\n    matchLabels: {app: api}\n  jwtRules:\n  - issuer: https://issuer.example.com\n    jwksUri: https://issuer.example.com/jwks.json\n```\n\n`routes.yaml`:\n\n```yaml\n# After istio pkg/config/analysis/analyzers/testdata/virtualservice_jwtclaimroute.yaml (Apache-2.0).\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: foo-gateway\n  namespace: shop\nspec:\n  selector:\n    istio: ingressgateway\n  servers:\n  - port:\n      number: 80\n      name: http\n      protocol: HTTP\n    hosts: ["foo.com"]\n---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: foo\n  namespace: shop\nspec:\n  hosts: ["foo.com"]\n  gateways: [foo-gateway]\n  http:\n  - match:\n    - uri:\n        prefix: /\n      headers:\n        "@request.auth.claims.groups":\n          exact: admin\n    route:\n    - destination:\n        host: admin.shop.svc.cluster.local\n  - route:\n    - destination:\n        host: web.shop.svc.cluster.local\n```\n\nmeshlint reports:\n\n```text\nroutes.yaml:30:9: VirtualService "foo" matches on JWT claim "@request.auth.claims.groups" at gateway shop/foo-gateway, but no RequestAuthentication applies to its pods (Deployment istio-ingress/ingressgateway): no token is validated there, so the claim is never set and this match never matches. Add a RequestAuthentication that selects the gateway pods. [jwt-claim-routing]\n```\n\nCorrect (fixtures/jwt-claim-routing/ok-requestauthentication-on-gateway):\n\n`gateway.yaml`:\n\n```yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: istio-ingress\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ingressgateway\n  namespace: istio-ingress\nspec:\n  selector:\n    matchLabels: {istio: ingressgateway}\n  template:\n    metadata:\n      labels: {istio: ingressgateway}\n      annotations:\n        inject.istio.io/templates: gateway\n    spec:\n      containers:\n      - name: istio-proxy\n        image: auto\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: istio-system\n---\napiVersion: security.istio.io/v1\nkind: RequestAuthentication\nmetadata:\n  name: jwt\n  namespace: istio-ingress\nspec:\n  selector:\n    matchLabels: {istio: ingressgateway}\n  jwtRules:\n  - issuer: https://issuer.example.com\n    jwksUri: https://issuer.example.com/jwks.json\n```\n\nAlso in the case, not shown: `routes.yaml`.\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- istio `pkg/jwt/routing.go` \u2014 `ToRoutingClaim`: the `@request.auth.claims` pseudo-header.\n- istio `pilot/pkg/networking/core/route/route.go` \u2014 claim matches read the `jwt_authn` metadata.\n- istio `pilot/pkg/security/authn/policy_applier.go` \u2014 the `jwt_authn` filter, only where a\n  RequestAuthentication applies.\n- istio.io `docs/tasks/security/authentication/jwt-route/` \u2014 "routing based on JWT claims".\n\n## Aliases\n\n- `IST0149` (istioctl analyze, JwtClaimBasedRoutingWithoutRequestAuthN,\n  `pkg/config/analysis/analyzers/virtualservice/jwtclaimroute.go`) \u2014 istioctl looks for\n  RequestAuthentications in `istio-system` rather than the configured root namespace, and counts\n  policies with `targetRefs` by their (absent) selector.\n',
  "jwt-without-requestauthentication": '# jwt-without-requestauthentication\n\n> An AuthorizationPolicy uses `requestPrincipals`, `notRequestPrincipals` or a `request.auth.*`\n> condition where no RequestAuthentication validates tokens, so those attributes are never set.\n\nDefault severity: **error** (warning when the input holds nothing of the root namespace, where a\nmesh-wide RequestAuthentication could live, or when a sidecar is only assumed).\n\n## What happens at runtime\n\n`requestPrincipals` (`<issuer>/<subject>`) and the conditions `request.auth.principal`,\n`request.auth.audiences`, `request.auth.presenter` and `request.auth.claims[\u2026]` are matched\nagainst the payload of a JWT **that Envoy\'s `jwt_authn` filter has validated**. istiod adds that\nfilter to a proxy only when a RequestAuthentication with `jwtRules` applies to it. Without one, no\nrequest ever has a request principal or claims \u2014 whether it carries a token or not:\n\n| field | ALLOW rule | DENY rule |\n| --- | --- | --- |\n| `requestPrincipals`, `values` of a `request.auth.*` condition | never matches: the rule admits nothing; requests get HTTP 403, **with a valid token too**, unless another rule admits them | never matches: the rule denies nothing |\n| `notRequestPrincipals`, `notValues` of a `request.auth.*` condition | matches **every** request: the rule no longer requires a token | matches **every** request: the rule denies **all** requests meeting its other conditions, even those with a valid token |\n\nThe last case is the classic one: the "require a JWT" recipe of the RequestAuthentication docs\n(`action: DENY`, `notRequestPrincipals: ["*"]`) applied without its RequestAuthentication\nlocks everybody out. (AUDIT audits nothing or everything; CUSTOM sends nothing or everything to the\nexternal authorizer.)\n\n**Which RequestAuthentications reach the policy** (as istiod attaches them):\n\n- A policy with a selector, or namespace-wide: for each workload it applies to that runs Envoy (a\n  sidecar, or an Istio gateway), the RequestAuthentications of the workload\'s namespace and of the\n  root namespace whose selector matches the pod (or that have none). Ambient workloads without a\n  waypoint are enforced by ztunnel, which sees no HTTP at all (`ztunnel-l7-policy` reports that);\n  workloads without any proxy enforce nothing. Neither is reported here. When the workload\'s\n  Namespace object is not in the input, its injection label is unknown: the model settles it by\n  evidence or `mesh.assumeDataPlane` (default sidecar \u2014 whoever writes `requestPrincipals` on a\n  selector policy expects Envoy to enforce it; README, "When the input does not say"). A finding\n  whose every workload has an assumed sidecar says so in the message and **is lowered to a\n  warning**.\n- A policy with `targetRefs` is enforced by a waypoint (or a Gateway). **Waypoints ignore selector\n  RequestAuthentications**: one must be attached with `targetRefs` to the same Service, to the\n  waypoint Gateway itself, or \u2014 from the root namespace \u2014 to the `istio-waypoint` GatewayClass; for\n  a policy attached to a waypoint Gateway, one attached to a Service that the waypoint serves also\n  counts. A non-waypoint Gateway also takes selector RequestAuthentications. Targets the input does\n  not resolve (a Service without a waypoint binding, a ServiceEntry, a GatewayClass) are not\n  judged.\n\nOnly RequestAuthentications with at least one `jwtRules` entry count: one without rules adds no\nfilter.\n\n**Issuers.** When RequestAuthentications do apply, each `requestPrincipals` entry is also checked\nagainst their `jwtRules` issuers: a token is validated only by a rule for its issuer, so\n`"https://other-idp.example.org/*"` never matches if no RequestAuthentication accepts that issuer.\nAnd since the subject is what follows the **last** `/`, `"https://auth.example.com"` means issuer\n`https:/`, subject `auth.example.com`; and a value without any `/` requires an empty subject. Both\nnever match: write `"https://auth.example.com/*"`. An accepted issuer that contains `/` and ends in `*`\ncannot be written as it is either: the value is split at its last `/` and its `*` read as a wildcard\nof the subject (fixtures/jwt-without-requestauthentication/request-principal-forms).\n\n**Closed world.** A RequestAuthentication may live in the root namespace (mesh-wide). When the\ninput holds no resource of the root namespace, meshlint cannot know it is absent and reports a\nwarning instead of an error, saying "no RequestAuthentication in the input".\n\n## How to fix\n\nAdd the RequestAuthentication that validates the tokens, attached the same way as the policy (same\nselector, or the same `targetRefs` for a waypoint):\n\n```yaml\napiVersion: security.istio.io/v1\nkind: RequestAuthentication\nmetadata:\n  name: cart-require-jwt-jwt\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: cart\n  jwtRules:\n  - issuer: "https://auth.example.com"\n    jwksUri: "https://auth.example.com/.well-known/jwks.json"\n```\n\n## Options\n\n| Option | Type | Default | Meaning |\n| --- | --- | --- | --- |\n| `ignoreNamespaces` | string[] | `[]` | AuthorizationPolicies in these namespaces are not checked (for instance a namespace whose RequestAuthentications another tree deploys). |\n\n```yaml\n# .meshlint.yaml\nrules:\n  jwt-without-requestauthentication: [error, { ignoreNamespaces: [legacy] }]\n```\n\nWith that configuration, fixtures/jwt-without-requestauthentication/options-ignore-namespaces\nreports the policy of namespace `shop` only; the same policy in `legacy` is not checked.\n\n## Examples\n\nNo RequestAuthentication applies to `cart` (the input holds the root namespace, so there is no\nmesh-wide one either); then principals that name an issuer no RequestAuthentication accepts; then\nthe RequestAuthentication reference example, and a mesh-wide one from the root namespace:\n\n<!-- examples: deny-notrequestprincipals-denies-all (policy.yaml, istio-system.yaml), issuer-mismatch (policies.yaml), ok-docs-example (policies.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/jwt-without-requestauthentication/deny-notrequestprincipals-denies-all):\n\n`policy.yaml`:\n\n```yaml\n# The RequestAuthentication docs\' "require a token" pattern, without the RequestAuthentication:\n# no request ever has a request principal, so this denies every request to cart.\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: cart-require-jwt\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: cart\n  action: DENY\n  rules:\n  - from:\n    - source:\n        notRequestPrincipals: ["*"]\n```\n\n`istio-system.yaml`:\n\n```yaml\n# The root namespace is part of the input: a mesh-wide RequestAuthentication would be here.\napiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: default\n  namespace: istio-system\nspec:\n  mtls:\n    mode: STRICT\n```\n\nAlso in the case, not shown: `workloads.yaml`.\n\nmeshlint reports:\n\n```text\npolicy.yaml:16:9: AuthorizationPolicy "cart-require-jwt" uses "notRequestPrincipals", which needs a validated JWT, but no RequestAuthentication applies to Deployment shop/cart: it matches every request, so this rule denies all that meet its other conditions, even with a valid token. Add a RequestAuthentication for it. [jwt-without-requestauthentication]\n```\n\nIncorrect (fixtures/jwt-without-requestauthentication/issuer-mismatch):\n\n`policies.yaml`:\n\n```yaml\napiVersion: security.istio.io/v1\nkind: RequestAuthentication\nmetadata:\n  name: cart-jwt\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: cart\n  jwtRules:\n  - issuer: https://auth.example.com\n    jwksUri: https://auth.example.com/.well-known/jwks.json\n---\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: cart-require-jwt\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: cart\n  rules:\n  - from:\n    - source:\n        requestPrincipals:\n        - "https://accounts.example.org/*"   # another issuer: no such token is ever validated\n        - "https://auth.example.com"         # no "/<subject>": needs an empty subject\n        - "https://auth.example.com/*"       # fine\n```\n\nAlso in the case, not shown: `workloads.yaml`.\n\nmeshlint reports:\n\n```text\npolicies.yaml:27:11: AuthorizationPolicy "cart-require-jwt": request principal "https://accounts.example.org/*" never matches: the RequestAuthentications here accept only issuer "https://auth.example.com". In "requestPrincipals" it admits no request. Name an issuer they accept, or add a RequestAuthentication for it. [jwt-without-requestauthentication]\npolicies.yaml:28:11: AuthorizationPolicy "cart-require-jwt": request principal "https://auth.example.com" never matches: it is read as issuer "https:/", subject "auth.example.com" (split at the last "/"), and the RequestAuthentications here accept only issuer "https://auth.example.com". In "requestPrincipals" it admits no request. Use "https://auth.example.com/*". [jwt-without-requestauthentication]\n```\n\nCorrect (fixtures/jwt-without-requestauthentication/ok-docs-example):\n\n`policies.yaml`:\n\n```yaml\n# RequestAuthentication reference: require a JWT for workloads labelled app=cart.\napiVersion: security.istio.io/v1\nkind: RequestAuthentication\nmetadata:\n  name: cart\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: cart\n  jwtRules:\n  - issuer: "issuer-foo"\n    jwksUri: https://example.com/.well-known/jwks.json\n---\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: cart\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: cart\n  rules:\n  - from:\n    - source:\n        requestPrincipals: ["*"]\n---\n# A mesh-wide RequestAuthentication (root namespace, no selector) reaches orders.\napiVersion: security.istio.io/v1\nkind: RequestAuthentication\nmetadata:\n  name: req-authn-for-all\n  namespace: istio-system\nspec:\n  jwtRules:\n  - issuer: "issuer-foo"\n    jwksUri: https://example.com/.well-known/jwks.json\n---\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: orders-deny-no-token\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: orders\n  action: DENY\n  rules:\n  - from:\n    - source:\n        notRequestPrincipals: ["*"]\n```\n\nAlso in the case, not shown: `workloads.yaml`.\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\nAlso incorrect (fixtures/jwt-without-requestauthentication/waypoint-policy-ra-by-selector): the\npolicy is attached to the `cart` Service\'s waypoint, the RequestAuthentication selects the `cart`\npods \u2014 which waypoints ignore.\n\nAlso correct: fixtures/jwt-without-requestauthentication/ok-waypoint-ra-on-gateway,\nfixtures/jwt-without-requestauthentication/ok-ingress-gateway.\n\n## Sources\n\n- istio `pilot/pkg/security/authz/model/generator.go` \u2014 `requestPrincipalGenerator` (issuer and\n  subject split at the last `/`; matched on the `jwt_authn` filter\'s payload metadata),\n  `requestClaimGenerator`, `requestAudiencesGenerator`, `requestPresenterGenerator`;\n  `model.go`, `generatePrincipal` (`not*` values wrapped in `not`); `util.go`,\n  `MetadataStringMatcherForJWTClaim`.\n- istio `pilot/pkg/security/authn/policy_applier.go` \u2014 `JwtFilter` returns no filter when no\n  RequestAuthentication rule applies; `convertToEnvoyJwtConfig` (one provider per issuer, a missing\n  token allowed).\n- istio `pilot/pkg/model/authentication.go` \u2014 `getConfigsForWorkload` (the workload\'s namespace and\n  the root namespace); `pilot/pkg/model/policyattachment.go` \u2014 `ShouldAttachPolicy` (waypoints\n  never use selectors; Service, Gateway and GatewayClass `targetRefs`).\n- istio/api `security/v1beta1/request_authentication.proto` \u2014 "A request that does not contain\n  any authentication credentials will be accepted but will not have any authenticated identity";\n  `authorization_policy.proto` \u2014 `requestPrincipals` "requires request authentication enabled".\n- Istio docs, RequestAuthentication reference \u2014\n  https://istio.io/latest/docs/reference/config/security/request_authentication/\n\n## Aliases\n\nNone: neither `istioctl analyze` nor Kiali checks AuthorizationPolicies for this. The nearest is\nistioctl\'s `IST0149` (JwtClaimBasedRoutingWithoutRequestAuthN,\n`pkg/config/analysis/analyzers/virtualservice/jwtclaimroute.go`), the same mistake for a\nVirtualService that routes on `@request.auth.claims` at a gateway.\n',
  "knative-system-access": "# knative-system-access\n\n> An AuthorizationPolicy on a Knative revision's pods refuses the activator's probes and proxied requests, or the autoscaler's metrics scrape.\n\nDefault severity: **error**.\n\n## What happens at runtime\n\nKnative Serving's system pods call every revision pod on queue-proxy's ports:\n\n| who (service account in `knative-serving`) | request | port |\n| --- | --- | --- |\n| activator (`activator`) | probe: `GET /healthz`, header `K-Network-Probe: queue`, `User-Agent: Knative-Activator-Probe` | 8012 (8013 when the first container port is named `h2c`) |\n| activator (`activator`) | the clients' requests it holds and forwards (scale from zero, target burst capacity), with **its own** identity | 8012 / 8013 |\n| autoscaler (`controller`) | metrics scrape: `GET /metrics` | 9090 |\n\nAn AuthorizationPolicy that applies to the revision's pods \u2014 namespace-wide, selecting them, or a\nmesh-wide one from the root namespace \u2014 is enforced on these requests like on any other: by the\npods' sidecar (Envoy), or by ztunnel for ambient pods (which cannot see paths, methods or headers).\nWhen it refuses them:\n\n- **probe refused**: the activator never marks the pods healthy, so requests it holds while the\n  revision scales from zero or while target-burst-capacity keeps it in the path are never forwarded\n  and time out.\n- **forwarded requests refused**: clients whose requests the policy admits directly get\n  `403 RBAC: access denied` (ztunnel closes the connection) whenever the activator is in the path,\n  because the pods see the activator's identity, not the client's (the Knative docs' example:\n  `from.source.namespaces: [\"serving-tests\"]`).\n- **scrape refused**: the autoscaler gets no metrics from the pods (the revision's Metric is marked\n  failed) and, while the activator is out of the path, has no data and makes no scaling decision.\n\nThe rule decides each request with the same evaluator as `meshlint check-access`, against the\npolicies that apply to every Knative `Service`, `Configuration` and `Revision` of the input whose\npods are in the mesh. The system pods' identity is\n`<trust domain>/ns/knative-serving/sa/activator` and `\u2026/sa/controller` only when they send mTLS:\n\n- if the input holds knative-serving's `activator` and `autoscaler` Deployments, their real data plane\n  is used (a pod without a sidecar sends plaintext, which `from.source.namespaces` never matches);\n- else, if it holds the `knative-serving` Namespace with labels that choose a data plane, they\n  decide (`istio-injection=enabled` or `istio.io/rev`: sidecar; another `istio-injection` value:\n  none; `istio.io/dataplane-mode=ambient`: ambient);\n- else (no Namespace, or one without those labels \u2014 the system pods may opt in with labels of their\n  own, as OpenShift Serverless does for the activator) the data plane is unknown: evidence in the\n  input, else `mesh.assumeDataPlane`, decides (README, \"When the input does not say\"). The default,\n  **sidecar**, is what the Knative docs' setup requires (`kubectl label namespace knative-serving\n  istio-injection=enabled`); with `assumeDataPlane: none` the system pods send plaintext. A finding\n  that rests on it says so in its message; its severity stays.\n\nForwarded requests are checked with witnesses: a request that some ALLOW rule on the pods admits from\nits own client (the rule's principals, namespaces or service accounts, its first method and path) and\nthat is refused when it arrives from the activator. Only a request the policy admits from someone else\ncounts, so a policy that admits no application traffic at all (the docs' `deny-all` plus the paths\nallowlist) is not reported for forwarding.\n\nThe rule reports at the policy that refuses: at the matching rule of a DENY policy; when no ALLOW\npolicy matches the probe or the scrape, at every ALLOW policy on the pods (its `rules`, or `spec` when\nit has none); when no ALLOW policy matches a forwarded request, at the ALLOW policy that admits the\nsame request from its own client \u2014 where the docs add `knative-serving`. A related location at\nthat policy shows the witness: the request it admits from its own client and the identity the\nactivator forwards it with. Policies\nthat do not select a Knative revision's pods are not reported. A plaintext activator refused by STRICT\nmTLS (no AuthorizationPolicy involved) is left to the mTLS rules.\n\n## How to fix\n\nDo what the Knative docs do, in the revision's namespace:\n\n```yaml\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: allow-knative-system\n  namespace: serving-tests\nspec:\n  action: ALLOW\n  rules:\n  - from:\n    - source:\n        namespaces: [\"knative-serving\"]\n```\n\nThis needs mTLS from the system pods (label `knative-serving` `istio-injection=enabled`). With sidecar\npods, allowing the paths `/metrics` and `/healthz` also lets the probe and the scrape in, even in\nplaintext, but not the requests the activator forwards. On ambient pods paths do not work (ztunnel\ndrops such rules); allow the namespace or the principals. For a DENY rule, exempt the system pods:\n`notNamespaces: [\"knative-serving\"]` in its sources (or `notPaths: [\"/healthz\", \"/metrics\"]` in its\noperations when they send plaintext). `--explain` and the JSON output carry the YAML for each finding.\n\n## Options\n\nKnative's release manifests install the activator and the autoscaler in `knative-serving`, running\nas `activator` and `controller` (config/core/deployments/). For an install that renames them (a\npackaged distribution, a second Serving), say where they run; the requests are then sent from those\nidentities, and the messages and suggested policies name them.\n\n| option | type | default | effect |\n| --- | --- | --- | --- |\n| `systemNamespace` | string | `knative-serving` | The namespace of the activator and the autoscaler: where their Deployments are looked up, whose labels choose their data plane, and what the suggested policies allow or exempt. |\n| `activatorServiceAccount` | string | `activator` | The activator's service account, when the input does not hold its Deployment. |\n| `autoscalerServiceAccount` | string | `controller` | The autoscaler's service account, when the input does not hold its Deployment. |\n\n```yaml\n# .meshlint.yaml\nrules:\n  knative-system-access: [error, { systemNamespace: serving-system, activatorServiceAccount: activator-sa, autoscalerServiceAccount: autoscaler-sa }]\n```\n\n`fixtures/knative-system-access/options-renamed-system-namespace` reports the Knative docs' policy\n(which allows `knative-serving`) under these options; `ok-options-renamed-system-namespace` allows\n`serving-system` instead.\n\n## Examples\n\nThe Knative docs' *Enabling requests to Knative services when additional authorization policies are\nenabled*: a policy admitting only the namespace itself, a `deny-all`, and the docs' allowlist of\n`/metrics` and `/healthz` beside the `deny-all`:\n\n<!-- examples: docs-allow-own-namespace-only (namespace.yaml, service.yaml, policy.yaml), docs-deny-all (policy.yaml), ok-docs-allowlist-by-paths (policy.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/knative-system-access/docs-allow-own-namespace-only):\n\n`namespace.yaml`:\n\n```yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: serving-tests\n  labels:\n    istio-injection: enabled\n```\n\n`service.yaml`:\n\n```yaml\napiVersion: serving.knative.dev/v1\nkind: Service\nmetadata:\n  name: httpbin\n  namespace: serving-tests\nspec:\n  template:\n    spec:\n      containers:\n      - image: docker.io/kennethreitz/httpbin\n        ports:\n        - containerPort: 80\n```\n\n`policy.yaml`:\n\n```yaml\n# Knative docs: \"Requests here will fail when forwarded by the activator, because the Istio proxy at\n# the destination service will see the source namespace of the requests as knative-serving\".\napiVersion: security.istio.io/v1beta1\nkind: AuthorizationPolicy\nmetadata:\n  name: allow-serving-tests\n  namespace: serving-tests\nspec:\n  action: ALLOW\n  rules:\n  - from:\n    - source:\n        namespaces: [\"serving-tests\"]\n```\n\nmeshlint reports:\n\n```text\npolicy.yaml:10:3: AuthorizationPolicy \"allow-serving-tests\" refuses Knative's probes and forwarded requests (port 8012, from knative-serving/activator) and metrics scrapes (port 9090, from knative-serving/controller) to Knative Service serving-tests/httpbin: no ALLOW rule matches them. Requests the activator holds time out, the ones it forwards get 403 and the autoscaler gets no metrics. Allow namespace knative-serving. Assuming sidecar injection in namespace knative-serving, which is not in the input (set mesh.assumeDataPlane, or declare it with its labels). [knative-system-access]\n```\n\nIncorrect (fixtures/knative-system-access/docs-deny-all):\n\n`policy.yaml`:\n\n```yaml\n# Knative docs (serving/istio-authorization): a namespace that denies everything by default.\napiVersion: security.istio.io/v1beta1\nkind: AuthorizationPolicy\nmetadata:\n  name: deny-all\n  namespace: serving-tests\nspec: {}\n```\n\nAlso in the case, not shown: `namespace.yaml`, `service.yaml`.\n\nmeshlint reports:\n\n```text\npolicy.yaml:7:1: AuthorizationPolicy \"deny-all\" refuses Knative's probes (port 8012, from knative-serving/activator) and metrics scrapes (port 9090, from knative-serving/controller) to Knative Service serving-tests/httpbin: it has no rules, and no other ALLOW policy matches them. Requests the activator holds time out and the autoscaler gets no metrics. Allow namespace knative-serving. Assuming sidecar injection in namespace knative-serving, which is not in the input (set mesh.assumeDataPlane, or declare it with its labels). [knative-system-access]\n```\n\nCorrect (fixtures/knative-system-access/ok-docs-allowlist-by-paths):\n\n`policy.yaml`:\n\n```yaml\n# Knative docs (serving/istio-authorization): a namespace that denies everything by default.\napiVersion: security.istio.io/v1beta1\nkind: AuthorizationPolicy\nmetadata:\n  name: deny-all\n  namespace: serving-tests\nspec: {}\n---\n# Knative docs: allow the system pods by the paths they use.\napiVersion: security.istio.io/v1beta1\nkind: AuthorizationPolicy\nmetadata:\n  name: allowlist-by-paths\n  namespace: serving-tests\nspec:\n  action: ALLOW\n  rules:\n  - to:\n    - operation:\n        paths:\n        - /metrics   # The path to collect metrics by system pod.\n        - /healthz   # The path to probe by system pod.\n```\n\nAlso in the case, not shown: `namespace.yaml`, `service.yaml`.\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\nAlso reported: a DENY of other namespaces (deny-other-namespaces), the paths allowlist on ambient\npods (ambient-paths-allowlist-dropped), an activator without a sidecar (activator-without-sidecar,\nactivator-deployment-opts-out-of-injection), an h2c revision probed on 8013\n(h2c-revision-probed-on-8013), a mesh-wide DENY of `/metrics` (root-namespace-deny).\n\nAlso correct: the docs' other fix, `namespaces: [\"serving-tests\", \"knative-serving\"]`\n(ok-docs-allow-knative-serving-namespace), ok-ambient-allow-knative-serving-namespace,\nok-system-deployments-with-sidecars, ok-policy-selects-other-pods, ok-revision-outside-mesh.\n\n## Sources\n\n- knative/serving `pkg/activator/net/revision_backends.go` \u2014 `probe`: `GET` on\n  `nethttp.HealthCheckPath` with headers `K-Network-Probe: queue` (`netheader.ProbeKey`,\n  `queue.Name`) and `User-Agent: Knative-Activator-Probe`; `probePodIPs`/`checkDests`: a pod is\n  healthy only when its probe succeeds.\n- knative/serving `vendor/knative.dev/networking/pkg/http/constants.go` (`HealthCheckPath = \"/healthz\"`),\n  `vendor/knative.dev/networking/pkg/http/header/header.go` (`ProbeKey`, `ActivatorUserAgent`),\n  `pkg/queue/constants.go` (`Name = \"queue\"`).\n- knative/serving `pkg/activator/net/helpers.go` (`endpointsToDests`, `getServicePort`) and\n  `pkg/reconciler/serverlessservice/resources/services.go` \u2014 the activator targets 8012 (HTTP/1) or\n  8013 (h2c); `pkg/apis/serving/v1/revision_helpers.go` \u2014 a first container port named `h2c` selects h2c.\n- knative/serving `pkg/autoscaler/metrics/stats_scraper.go` \u2014 `GET http://<pod or service>:9090/metrics`;\n  `pkg/autoscaler/metrics/collector.go`, `pkg/reconciler/metric/metric.go` (Metric marked failed),\n  `pkg/autoscaler/scaling/autoscaler.go` and `multiscaler.go` (no data: no scaling decision).\n- knative/serving `pkg/networking/constants.go` \u2014 queue-proxy ports 8012, 8013, 8022, 9090, 9091, 8112.\n- knative/serving `config/core/deployments/activator.yaml` (`serviceAccountName: activator`) and\n  `autoscaler.yaml` (`serviceAccountName: controller`).\n- Knative docs, *Enabling requests to Knative services when additional authorization policies are\n  enabled* \u2014 https://knative.dev/docs/serving/istio-authorization/ (knative/docs\n  `docs/serving/istio-authorization.md`): the activator needs a sidecar; `allow-serving-tests`\n  fails through the activator; allow `knative-serving`, or the paths `/metrics` and `/healthz`.\n- istio `pilot/pkg/security/authz/builder/builder.go`, `pilot/pkg/serviceregistry/ambient/authorization.go`\n  \u2014 how the sidecar and ztunnel enforce the policies (see `meshlint check-access`).\n\n## Aliases\n\nNone: `istioctl analyze` and Kiali do not check Knative's system traffic.\n",
  "knative-webhook-strict-mtls": '# knative-webhook-strict-mtls\n\n> STRICT mTLS applies to a Knative webhook\'s port in a mesh: the Kubernetes API server, outside the mesh, can no longer call the admission webhook.\n\nDefault severity: **error**.\n\n## What happens at runtime\n\nKnative Serving\'s admission webhooks \u2014 the `webhook` Deployment (`webhook.serving.knative.dev`,\n`validation.webhook.serving.knative.dev`, `config.webhook.serving.knative.dev`) and net-istio\'s\n`net-istio-webhook` (`webhook.istio.networking.internal.knative.dev`) \u2014 run in `knative-serving`\nand serve HTTPS on port **8443** (`WEBHOOK_PORT`, container port `https-webhook`; the Services\nexpose it as 443). The Kubernetes API server calls them directly, from outside the mesh, and all of\nthem have `failurePolicy: Fail`.\n\nWhen the webhook pods run in the mesh and their effective PeerAuthentication mode on port 8443 is\nSTRICT, that call cannot succeed:\n\n- **sidecar** (the Knative docs tell you to label `knative-serving` with `istio-injection=enabled`\n  so the activator gets one): the sidecar terminates the connection with its mesh certificate and\n  demands a client certificate, so the API server\'s handshake fails\n  (`x509: certificate is not valid for any names\u2026`, `EOF`);\n- **ambient** (`istio.io/dataplane-mode=ambient`, as in net-istio\'s own test setup): ztunnel\n  refuses the API server\'s plaintext connection, which carries no mesh identity.\n\nThen every create or update of a Knative Service, Configuration, Route or Revision is rejected \u2014\n`kn service create` fails with `failed calling webhook "webhook.serving.knative.dev"` \u2014 and, for\n`net-istio-webhook`, the revisions\' Deployments (labelled `serving.knative.dev/configuration`) are\nnot admitted, so no revision becomes ready.\n\nSTRICT comes from a mesh-wide PeerAuthentication (root namespace, no selector), a namespace-wide\none in `knative-serving`, or one selecting the webhook, and is cancelled by a PERMISSIVE (or\nDISABLE) override for the webhook: namespace-wide in `knative-serving`, or per port with a\nselector, as net-istio ships in `config/400-webhook-peer-authentication.yaml`. `portLevelMtls` names\nthe **pod\'s** port (8443), not the Service\'s 443 \u2014 an exception on 443 does nothing, and the\nmessage says so. Related locations point at the webhook pods (or the `knative-serving` Namespace) with the reason\nthey run a sidecar or are in ambient, and at the port-level exception that names the wrong port.\n\nThe rule checks `webhook`, `net-istio-webhook` and `domainmapping-webhook` pods in `knative-serving`\n(or the namespace set by the `systemNamespace` option; or labelled `app.kubernetes.io/name: knative-serving` elsewhere) that run with a sidecar or in\nambient. A sidecar that does not capture the port (`traffic.sidecar.istio.io/excludeInboundPorts`\nlists it, or `includeInboundPorts` leaves it out) is fine. When the input has the `knative-serving`\nNamespace but not the webhook Deployment (Knative installed from its release), the webhook pods are\njudged from the namespace\'s labels, with the labels the release gives them (`app: webhook`). When\nthose labels choose no data plane, the pods\' own labels are unknown and the model\'s evidence or\n`mesh.assumeDataPlane` decides (README, "When the input does not say"); a finding about webhooks\nwhose data plane is only assumed says so and **is lowered to a warning**.\n\nIt reports at the PeerAuthentication node that makes port 8443 STRICT (`spec.mtls.mode`, or the\n`portLevelMtls` entry).\n\n## How to fix\n\nApply net-istio\'s exception (it is part of net-istio\'s release; it may be missing when\nKnative is installed another way):\n\n```yaml\napiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: webhook\n  namespace: knative-serving\nspec:\n  selector:\n    matchLabels:\n      app: webhook\n  portLevelMtls:\n    "8443":\n      mode: PERMISSIVE\n```\n\nand the same for `app: net-istio-webhook`. Alternatively set `knative-serving` to PERMISSIVE\n(the Knative docs do), or keep the webhook pods out of the mesh.\n\n## Options\n\n- `systemNamespace` (string, default `knative-serving`): the namespace Knative Serving is installed\n  in (`SYSTEM_NAMESPACE` of its Deployments), for installs that rename it. Webhook pods there are\n  checked whatever their labels, and when the input has that Namespace but not the `webhook`\n  Deployment, the release\'s webhook pods are judged from its labels.\n\n```yaml\n# .meshlint.yaml\nrules:\n  knative-webhook-strict-mtls: [error, { systemNamespace: serving-system }]\n```\n\nWith it, a `serving-system` Namespace enrolled in the mesh under a mesh-wide STRICT policy is\nreported (`fixtures/knative-webhook-strict-mtls/options-system-namespace`); without it, the same\ninput is not Knative\'s and is silent (`ok-options-system-namespace-default`).\n\n## Examples\n\n`knative-serving` labelled `istio-injection=enabled` and the Istio docs\' mesh-wide lock-down, then\nthe same with net-istio\'s `400-webhook-peer-authentication.yaml`:\n\n<!-- examples: mesh-strict-sidecar-without-net-istio-exception (namespace.yaml, mtls.yaml), ok-mesh-strict-sidecar-with-net-istio-exception (webhook-peer-authentication.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/knative-webhook-strict-mtls/mesh-strict-sidecar-without-net-istio-exception):\n\n`namespace.yaml`:\n\n```yaml\n# knative/serving config/core/100-namespace.yaml, with the mesh enrolment label.\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: knative-serving\n  labels:\n    app.kubernetes.io/name: knative-serving\n    istio-injection: enabled\n```\n\n`mtls.yaml`:\n\n```yaml\n# Lock down mutual TLS for the entire mesh (Istio docs, mtls-migration).\napiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: default\n  namespace: istio-system\nspec:\n  mtls:\n    mode: STRICT\n```\n\nAlso in the case, not shown: `knative.yaml`.\n\nmeshlint reports:\n\n```text\nmtls.yaml:9:11: PeerAuthentication istio-system/default makes port 8443 STRICT for the "webhook" and "net-istio-webhook" admission webhooks in knative-serving: their sidecar rejects the API server\'s calls, which carry no client certificate, so Knative resources cannot be created or updated ("failed calling webhook") and no revision becomes ready. Add net-istio\'s PERMISSIVE exception for port 8443. [knative-webhook-strict-mtls]\n```\n\nCorrect (fixtures/knative-webhook-strict-mtls/ok-mesh-strict-sidecar-with-net-istio-exception):\n\n`webhook-peer-authentication.yaml`:\n\n```yaml\n# net-istio config/400-webhook-peer-authentication.yaml (labels trimmed):\n# "Allows the Webhooks to be reached by kube-api with or without sidecar injection and with mTLS\n# PERMISSIVE and STRICT."\napiVersion: "security.istio.io/v1beta1"\nkind: "PeerAuthentication"\nmetadata:\n  name: "webhook"\n  namespace: "knative-serving"\nspec:\n  selector:\n    matchLabels:\n      app: webhook\n  portLevelMtls:\n    "8443":\n      mode: PERMISSIVE\n---\napiVersion: "security.istio.io/v1beta1"\nkind: "PeerAuthentication"\nmetadata:\n  name: "net-istio-webhook"\n  namespace: "knative-serving"\nspec:\n  selector:\n    matchLabels:\n      app: net-istio-webhook\n  portLevelMtls:\n    "8443":\n      mode: PERMISSIVE\n```\n\nAlso in the case, not shown: `knative.yaml`, `mtls.yaml`, `namespace.yaml`.\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n`knative.yaml` holds the `webhook` and `net-istio-webhook` Deployments and Services, trimmed from\nKnative\'s releases.\n\nAlso incorrect: an ambient `knative-serving` with a namespace-wide STRICT policy\n(namespace-strict-ambient), the exception written for the Service port 443\n(port-level-exception-on-service-port), a labelled namespace whose Deployments are not in the input\n(namespace-labelled-deployment-not-in-input).\n\nAlso correct: the exception in ambient mode (ok-ambient-with-net-istio-exception), `knative-serving`\nPERMISSIVE (ok-knative-docs-namespace-permissive), webhooks outside the mesh\n(ok-webhooks-outside-the-mesh), the port excluded from capture (ok-sidecar-excludes-webhook-port).\n\n## Sources\n\n- knative-extensions/net-istio `config/400-webhook-peer-authentication.yaml` ("Allows the Webhooks\n  to be reached by kube-api with or without sidecar injection and with mTLS PERMISSIVE and\n  STRICT"), `config/500-webhook-deployment.yaml`, `config/600-mutating-webhook.yaml`,\n  `test/config/100-serving-namespace.yaml` (ambient); net-istio issue #150 and PRs #178, #495, #499.\n- knative/serving `config/core/deployments/webhook.yaml` (labels, port 8443),\n  `config/core/webhooks/*.yaml` (`failurePolicy: Fail`).\n- Knative docs, *Enabling requests to Knative services when additional authorization policies are\n  enabled* (serving/istio-authorization: inject `knative-serving`, PERMISSIVE).\n- istio `pilot/pkg/serviceregistry/ambient/authorization.go` \u2014 `convertedSelectorPeerAuthentications`,\n  `convertPeerAuthentication` (STRICT and port-level exceptions in ambient); Istio docs,\n  *PeerAuthentication* reference (port-level mTLS uses the workload port).\n- Injection and capture annotations: istio `pkg/kube/inject/webhook.go`,\n  `traffic.sidecar.istio.io/excludeInboundPorts`.\n\n## Aliases\n\nNone: `istioctl analyze` and Kiali do not check this.\n',
  "l7-config-without-waypoint": "# l7-config-without-waypoint\n\n> A VirtualService for mesh traffic or a DestinationRule with layer-7 settings is for an ambient\n> Service that no waypoint serves, or sits in a namespace its waypoint does not read: ztunnel\n> ignores it, so it has no effect on ambient clients.\n\nDefault severity: **warning**.\n\n## What happens at runtime\n\nAmbient pods run no Envoy. ztunnel, which carries their traffic, receives workloads, Services and\nAuthorizationPolicies from istiod, and no VirtualService or DestinationRule: it neither routes,\nretries, splits nor times out requests, and applies no connection pool, outlier detection or\nhash-based load balancing. For a Service whose pods run in ambient only its **waypoint** applies\nthem, to the requests ambient clients send to the Service. So:\n\n- **No waypoint serves the Service** (neither it nor its namespace carries\n  `istio.io/use-waypoint`, the Service or the namespace opts out with `none`, or the waypoint it\n  names takes no Service traffic \u2014 `istio.io/waypoint-for: workload` or `none` \u2014 or refuses its\n  namespace): the VirtualService's routes and the DestinationRule's settings are not applied to\n  requests from ambient clients.\n- **The waypoint does not read the namespace** the object sits in. A waypoint takes the\n  VirtualServices of the Service's namespace and of its own namespace only\n  (`getVirtualServiceForWaypoint`), and looks DestinationRules up as any proxy does, from its own\n  namespace: its namespace first, then the Service's, then the root namespace's mesh-wide\n  defaults. A VirtualService or DestinationRule in a third namespace (the clients', say) is not\n  used for traffic through the waypoint.\n\nWhich settings count: a VirtualService whose `gateways` is absent or names `mesh`, with `http`,\n`tls` or `tcp` routes; a DestinationRule without `workloadSelector` (that one is for client\nsidecars) whose traffic policy, port-level settings or subsets set `connectionPool.http`,\n`outlierDetection`, or consistent hashing on an HTTP header, cookie or query parameter.\n\nSidecar clients and gateways apply VirtualServices and DestinationRules themselves, on the\nclient side: the rule is about the requests of ambient clients, which rely on the waypoint.\n\nThe rule speaks only of Services of the input, and judges their data plane by their pods (or, with\nnone in the input, by their namespace, with the assumption stated). It says that no waypoint\nserves a Service only when it knows the namespace's labels (the input declares the `Namespace`);\na Service's own `istio.io/use-waypoint: none` is enough on its own.\n\n## How to fix\n\nEnrol the Service (or its namespace) in a waypoint that serves Service traffic, and keep its\nVirtualServices and DestinationRules in the Service's namespace:\n\n```yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio.io/dataplane-mode: ambient\n    istio.io/use-waypoint: waypoint\n```\n\n(`istioctl waypoint apply -n shop --enroll-namespace` creates the waypoint and sets the label.)\n\n## Examples\n\n<!-- examples: namespace-not-enrolled (traffic.yaml), not-in-service-namespace (traffic.yaml), ok-waypoint-reads-them (traffic.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/l7-config-without-waypoint/namespace-not-enrolled):\n\n`traffic.yaml`:\n\n```yaml\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: cart\n  namespace: shop\nspec:\n  hosts:\n  - cart\n  http:\n  - timeout: 2s\n    route:\n    - destination:\n        host: cart\n---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: cart\n  namespace: shop\nspec:\n  host: cart.shop.svc.cluster.local\n  trafficPolicy:\n    connectionPool:\n      http:\n        http1MaxPendingRequests: 100\n    outlierDetection:\n      consecutive5xxErrors: 5\n---\n# Only tcp routes: Kiali calls this layer 4 and does not warn, but ztunnel applies no\n# VirtualService at all; only a waypoint applies tcp routes (listener_waypoint.go, getWaypointTCPRoutes).\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: orders-split\n  namespace: shop\nspec:\n  hosts:\n  - orders\n  tcp:\n  - route:\n    - destination:\n        host: orders\n      weight: 90\n    - destination:\n        host: cart\n      weight: 10\n```\n\nAlso in the case, not shown: `workloads.yaml`.\n\nmeshlint reports:\n\n```text\ntraffic.yaml:8:5: VirtualService \"cart\" sets http routes for Service shop/cart, whose pods run in ambient, but no waypoint serves it (neither the Service nor namespace shop carries istio.io/use-waypoint): ztunnel applies no VirtualService, so its routes are not applied to requests from ambient clients. Label the Service or its namespace istio.io/use-waypoint=<waypoint>. [l7-config-without-waypoint]\ntraffic.yaml:21:9: DestinationRule \"cart\" sets connectionPool.http and outlierDetection for Service shop/cart, whose pods run in ambient, but no waypoint serves it (neither the Service nor namespace shop carries istio.io/use-waypoint): ztunnel applies no DestinationRule, so these settings are not applied to traffic from ambient clients. Label the Service or its namespace istio.io/use-waypoint=<waypoint>. [l7-config-without-waypoint]\ntraffic.yaml:38:5: VirtualService \"orders-split\" sets tcp routes for Service shop/orders, whose pods run in ambient, but no waypoint serves it (neither the Service nor namespace shop carries istio.io/use-waypoint): ztunnel applies no VirtualService, so its routes are not applied to requests from ambient clients. Label the Service or its namespace istio.io/use-waypoint=<waypoint>. [l7-config-without-waypoint]\n```\n\nIncorrect (fixtures/l7-config-without-waypoint/not-in-service-namespace):\n\n`traffic.yaml`:\n\n```yaml\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews-from-test\n  namespace: test\nspec:\n  hosts:\n  - reviews.bookinfo.svc.cluster.local\n  http:\n  - name: route\n    route:\n    - destination:\n        host: reviews.bookinfo.svc.cluster.local\n---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: reviews-from-test\n  namespace: test\nspec:\n  host: reviews.bookinfo.svc.cluster.local\n  trafficPolicy:\n    connectionPool:\n      http:\n        http1MaxPendingRequests: 1024\n```\n\nAlso in the case, not shown: `workloads.yaml`.\n\nmeshlint reports:\n\n```text\ntraffic.yaml:8:5: VirtualService \"reviews-from-test\" sets http routes for Service bookinfo/reviews, but its waypoint bookinfo/waypoint reads VirtualServices only from namespace bookinfo, and ztunnel applies none: its routes are not applied to requests from ambient clients. Move it to namespace bookinfo. [l7-config-without-waypoint]\ntraffic.yaml:21:9: DestinationRule \"reviews-from-test\" sets connectionPool.http for Service bookinfo/reviews, but its waypoint bookinfo/waypoint reads DestinationRules only from namespaces bookinfo and istio-system, and ztunnel applies none: these settings are not applied to traffic from ambient clients. Move it to namespace bookinfo. [l7-config-without-waypoint]\n```\n\nCorrect (fixtures/l7-config-without-waypoint/ok-waypoint-reads-them):\n\n`traffic.yaml`:\n\n```yaml\n# In the Service's namespace.\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: cart\n  namespace: shop\nspec:\n  hosts:\n  - cart\n  http:\n  - timeout: 2s\n    route:\n    - destination:\n        host: cart\n---\n# In the waypoint's namespace, which its DestinationRule lookup starts from.\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: cart\n  namespace: mesh-waypoints\nspec:\n  host: cart.shop.svc.cluster.local\n  trafficPolicy:\n    outlierDetection:\n      consecutive5xxErrors: 5\n---\n# A mesh-wide default of the root namespace.\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: cart-default\n  namespace: istio-system\nspec:\n  host: cart.shop.svc.cluster.local\n  trafficPolicy:\n    connectionPool:\n      http:\n        maxRetries: 3\n---\n# Ingress traffic only: the gateway's Envoy applies it.\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: cart-ingress\n  namespace: web\nspec:\n  hosts:\n  - shop.example.com\n  gateways:\n  - web/ingress\n  http:\n  - route:\n    - destination:\n        host: cart.shop.svc.cluster.local\n---\n# For the sidecars of web that it selects (client side); a waypoint never uses it.\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: cart-from-frontend\n  namespace: web\nspec:\n  host: cart.shop.svc.cluster.local\n  workloadSelector:\n    matchLabels:\n      app: frontend\n  trafficPolicy:\n    outlierDetection:\n      consecutive5xxErrors: 3\n---\n# No layer-7 settings.\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: cart-tls\n  namespace: web\nspec:\n  host: cart.shop.svc.cluster.local\n  trafficPolicy:\n    loadBalancer:\n      simple: LEAST_REQUEST\n---\n# A sidecar destination: its clients' sidecars apply it.\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: frontend\n  namespace: web\nspec:\n  hosts:\n  - frontend\n  http:\n  - route:\n    - destination:\n        host: frontend\n```\n\nAlso in the case, not shown: `workloads.yaml`.\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- istio `pilot/pkg/networking/core/listener_waypoint.go` \u2014 `getVirtualServiceForWaypoint` (\"We\n  only allow routes in the same namespace as the service or in the waypoint's own namespace\"),\n  `buildWaypointInboundHTTPRouteConfig`, and the waypoint's tcp and tls routes\n  (`getWaypointTCPRoutes`).\n- istio `pilot/pkg/networking/core/cluster_waypoint.go` \u2014 the waypoint's clusters per Service take\n  the DestinationRule from `SidecarScope.DestinationRule` (the waypoint's namespace, then the\n  Service's, then the root namespace: `pilot/pkg/model/push_context.go`, `destinationRule`), and\n  apply its connection pool, outlier detection and load balancer.\n- istio `pilot/pkg/serviceregistry/ambient/waypoints.go` \u2014 `istio.io/use-waypoint` on the Service,\n  else its namespace; `none`; `istio.io/waypoint-for`; `allowedRoutes` of the HBONE listener.\n- istio `pilot/pkg/serviceregistry/ambient/` \u2014 what istiod sends ztunnel: workloads, Services and\n  AuthorizationPolicies, no VirtualService or DestinationRule; ztunnel `src/xds/types.rs` \u2014 the\n  only resource types ztunnel subscribes to are `istio.workload.Address` and\n  `istio.security.Authorization`.\n\n## Aliases\n\n- `KIA0210`, `KIA0211`, `KIA0212` (DestinationRule) and `KIA1109`, `KIA1113`, `KIA1114`\n  (VirtualService) \u2014 Kiali, `business/checkers/ambient_policy_checker.go` and\n  `ambient/l7_classification.go`. `KIA1114`/`KIA0212` are `notInServiceNamespace`;\n  `KIA1113`/`KIA0211` are `serviceNotEnrolled`; `KIA1109`/`KIA0210` are `namespaceNotEnrolled`.\n  Where meshlint differs:\n  - Kiali reports `KIA1109`/`KIA0210` only for hosts it cannot resolve to a Service, from the\n    namespace of the VirtualService itself, and `KIA1113`/`KIA0211` for a Service of an unlabelled\n    namespace; meshlint names the Service and says why no waypoint serves it, and stays silent\n    about Services and namespaces the input does not show.\n  - Kiali calls a VirtualService with only `tcp` routes layer 4 and does not warn; ztunnel applies\n    no VirtualService at all, and the waypoint applies tcp routes, so meshlint reports it.\n  - Kiali warns about a VirtualService or DestinationRule outside the Service's namespace even when\n    it sits in the waypoint's namespace (or, for a DestinationRule, the root namespace), which the\n    waypoint does read; meshlint does not.\n  - Kiali reads a DestinationRule's top-level and subset traffic policies; meshlint also reads\n    their `portLevelSettings`, and counts consistent hashing on a query parameter as HTTP.\n  - Kiali takes a Service to be enrolled whenever it or its namespace names a waypoint; meshlint\n    also checks that the waypoint Gateway of the input serves Service traffic and admits the\n    namespace.\n",
  "multiple-custom-providers": '# multiple-custom-providers\n\n> CUSTOM policies of several providers apply to one workload while PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS is off: istiod turns their rules into DENY rules.\n\nDefault severity: **error**.\n\n## What happens at runtime\n\nA CUSTOM AuthorizationPolicy hands the requests its rules match to an external authorizer, the\n`provider` named in `spec.provider.name` (an `extensionProviders` entry of the mesh config). istiod\nbuilds, per provider, an RBAC filter in shadow mode plus an `ext_authz` filter for the sidecar or\nwaypoint the policies apply to.\n\nBy default istiod supports **one** provider per workload. When the CUSTOM policies that apply to one\nEnvoy name two or more providers (dry-run policies count) and istiod runs with\n`PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS=false` \u2014 the default \u2014 it logs "multiple CUSTOM\nauthorization providers per workload requires PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS feature\nflag" and, because it "can\'t safely pick one provider", generates plain **DENY** rules from the\nCUSTOM rules of every provider instead of any `ext_authz` filter. So:\n\n- every request a CUSTOM rule matches gets 403, whatever the authorizer would have said (a login\n  page, an API behind API keys: all refused);\n- no external authorizer is called at all;\n- requests the CUSTOM rules do not match are unaffected.\n\n`meshlint check-access` evaluates such CUSTOM policies as DENY policies and says why in the trace.\n\nThe rule looks at every sidecar workload (the selector, namespace and root-namespace policies that\napply to it) and at every Service bound to a waypoint (the policies attached to the Service, the\nwaypoint or the `istio-waypoint` GatewayClass). It reports at the `provider.name` of each policy\nwhose provider differs from the first one there (policies ordered by namespace and name), with the\nfirst policy\'s provider as a related location. ztunnel enforces no CUSTOM policy at all\n(`ztunnel-l7-policy` reports those), so ambient pods without a waypoint are not checked.\n\nThe flag is read like `PILOT_AUTO_ALLOW_WAYPOINT_POLICY`: an IstioOperator\'s\n`spec.values.pilot.env.PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS`, the env of an `istiod`\nDeployment (as Helm renders it), or `.meshlint.yaml` (`mesh: {multipleCustomAuthzProviders: true}`);\n`true`, `True`, `1`\u2026 are on (Go\'s `strconv.ParseBool`).\n\n## How to fix\n\nUse one provider per workload: move one of the policies to other workloads, or route both kinds of\nrequest through a single authorizer. Or turn the feature on in istiod (Istio versions that have the\nflag):\n\n```yaml\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  values:\n    pilot:\n      env:\n        PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS: "true"\n```\n\n## Examples\n\n<!-- examples: two-providers-one-workload (policy.yaml), ok-flag-on-istiod-env (istiod.yaml), ok-providers-on-different-workloads (policy.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/multiple-custom-providers/two-providers-one-workload):\n\n`policy.yaml`:\n\n```yaml\n# istio pilot/pkg/security/authz/builder/testdata/http/custom-bad-multiple-providers-in.yaml\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: httpbin-1\n  namespace: foo\nspec:\n  action: CUSTOM\n  provider:\n    name: default\n  selector:\n    matchLabels:\n      app: httpbin\n  rules:\n  - to:\n    - operation:\n        paths: ["/httpbin1"]\n---\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: httpbin-2\n  namespace: foo\nspec:\n  action: CUSTOM\n  provider:\n    name: another\n  selector:\n    matchLabels:\n      app: httpbin\n  rules:\n  - to:\n    - operation:\n        paths: ["/httpbin2"]\n```\n\nAlso in the case, not shown: `namespace.yaml`, `workloads.yaml`.\n\nmeshlint reports:\n\n```text\npolicy.yaml:27:11: AuthorizationPolicy "httpbin-2" uses CUSTOM provider "another" on Deployment foo/httpbin, where AuthorizationPolicy "foo/httpbin-1" already uses provider "default": with PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS off, istiod turns the CUSTOM rules of both into DENY rules, so every request they match is denied and no external authorizer is called. Use one provider per workload, or set PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS=true on istiod. [multiple-custom-providers]\n```\n\nCorrect (fixtures/multiple-custom-providers/ok-flag-on-istiod-env):\n\n`istiod.yaml`:\n\n```yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: istiod\n  namespace: istio-system\nspec:\n  selector:\n    matchLabels:\n      app: istiod\n  template:\n    metadata:\n      labels:\n        app: istiod\n    spec:\n      containers:\n      - name: discovery\n        image: docker.io/istio/pilot:1.29.0\n        env:\n        - name: PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS\n          value: "true"\n```\n\nAlso in the case, not shown: `namespace.yaml`, `policy.yaml`, `workloads.yaml`.\n\nmeshlint reports nothing for this rule.\n\nCorrect (fixtures/multiple-custom-providers/ok-providers-on-different-workloads):\n\n`policy.yaml`:\n\n```yaml\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: httpbin-authz\n  namespace: foo\nspec:\n  action: CUSTOM\n  provider:\n    name: default\n  selector:\n    matchLabels:\n      app: httpbin\n  rules:\n  - to:\n    - operation:\n        paths: ["/httpbin1"]\n---\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: sleep-authz\n  namespace: foo\nspec:\n  action: CUSTOM\n  provider:\n    name: another\n  selector:\n    matchLabels:\n      app: sleep\n  rules:\n  - to:\n    - operation:\n        paths: ["/sleep"]\n```\n\nAlso in the case, not shown: `namespace.yaml`, `workloads.yaml`.\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- istio `pilot/pkg/security/authz/builder/builder.go` \u2014 `build` groups CUSTOM policies by\n  provider (dry-run ones too); `buildHTTP` and `buildTCP`: more than one provider without\n  `features.EnableMultipleCustomAuthzProviders` \u2192 `getBadCustomDenyRules` for every provider\n  (the CUSTOM rules as RBAC `DENY`), and no `ext_authz` filter.\n- istio `pilot/pkg/features/security.go` \u2014 `PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS`,\n  default `false`.\n- istio `pilot/pkg/security/authz/builder/testdata/http/custom-bad-multiple-providers-in.yaml`\n  (and `-out1.yaml`, `-out2.yaml`) \u2014 two providers on one workload give two RBAC DENY filters; the\n  fixture `two-providers-one-workload` is that input.\n- istio `pilot/pkg/serviceregistry/ambient/authorization.go` \u2014 CUSTOM policies are not sent to\n  ztunnel.\n\n## Aliases\n\nNone: `istioctl analyze` and Kiali do not check this. istiod logs it (`authorization` scope) and\nreports nothing on the policies.\n',
  "negative-status-condition": '# negative-status-condition\n\n> An exported object carries a negative status condition from istiod or the Gateway API controller (not accepted, not programmed, waypoint not bound).\n\nDefault severity: **warning**.\n\n## What happens at runtime\n\nManifests exported from a cluster (`kubectl get -A -o yaml`, a backup, a GitOps tool\'s live\nstate) carry the `status` the controllers wrote. Some conditions say that the object does not work\nas written:\n\n| kind | condition, status `False` |\n| --- | --- |\n| Service, ServiceEntry, WorkloadEntry | `istio.io/WaypointBound`: the `istio.io/use-waypoint` label names a waypoint that is missing or not ready, so traffic skips the waypoint and its L7 policy |\n| AuthorizationPolicy | `ZtunnelAccepted` (ztunnel cannot enforce it, or not all of it), `WaypointAccepted` (no waypoint uses it); also `WaypointAccepted` with reason `PartiallyInvalid`: some `targetRefs` are ignored |\n| Gateway, HTTPRoute, GRPCRoute, TCPRoute, TLSRoute | `Accepted`, `Programmed`, `ResolvedRefs` (of the Gateway, or of each route parent): the gateway or route is not serving as configured |\n\nEach is reported at the condition\'s `status` (or `reason`), with the controller\'s own reason and\nmessage. Conditions of other controllers (Argo CD\'s `Synced`, \u2026) are not judged.\n\n## How to fix\n\nFix what the condition\'s message names (the waypoint, the targetRef, the listener address), apply,\nand export the manifests again; or strip `status` from manifests kept in Git.\n\n## Examples\n\n<!-- examples: exported-status, ok-positive-conditions -->\n<!-- examples:start -->\n\nIncorrect (fixtures/negative-status-condition/exported-status):\n\n`exported.yaml`:\n\n```yaml\n# Adapted (ServiceEntry given a spec) from istio pkg/config/analysis/analyzers/testdata/condition-analyzer.yaml (Apache-2.0).\napiVersion: v1\nkind: Service\nmetadata:\n  name: negative-condition-svc\n  namespace: default\nstatus:\n  conditions:\n  - type: istio.io/WaypointBound\n    status: "False"\n    reason: NoWaypoint\n    message: \'waypoint "default/waypoint" is not ready\'\n    lastTransitionTime: "2023-01-01T00:00:00Z"\n    observedGeneration: 1\n  - type: argocd.argoproj.io/Synced # should be ignored by analyzer\n    status: "False"\n    reason: OutOfSync\n    message: \'Resource is out of sync with Git repository\'\n    lastTransitionTime: "2023-01-01T00:00:00Z"\n---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: negative-condition-svcEntry\n  namespace: default\nspec:\n  hosts: [reviews.example.com]\nstatus:\n  conditions:\n  - type: istio.io/WaypointBound\n    status: "False" \n    reason: WaypointIsNotReady\n    message: \'waypoint "default/waypoint" is not ready\'\n    lastTransitionTime: "2023-01-01T00:00:00Z"\n---\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: negative-condition-authz\n  namespace: default\nstatus:\n  conditions:\n  - type: ZtunnelAccepted\n    status: "False"\n    reason: UnsupportedValue\n    message: \'ztunnel does not support the CUSTOM action\'\n    lastTransitionTime: "2023-01-01T00:00:00Z"\n---\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: negative-condition-authz-partially-invalid\n  namespace: default  \nstatus:\n  conditions:\n  - type: WaypointAccepted\n    status: "True"\n    reason: PartiallyInvalid\n    message: \'Invalid targetRefs: default/doesnt-exist\'\n    lastTransitionTime: "2023-01-01T00:00:00Z"\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: negative-condition-gateway\n  namespace: default\nspec:\n  gatewayClassName: istio-waypoint\n  listeners:\n  - allowedRoutes:\n      namespaces:\n        from: Same\n    name: mesh\n    port: 15008\n    protocol: HBONE\nstatus:\n  conditions:\n  - type: Programmed\n    status: "False"\n    reason: AddressNotUsable\n    message: \'Failed to assign to any requested addresses: port 15008 not found for hostname "waypoint.default.svc.cluster.local"\'\n    lastTransitionTime: "2023-01-01T00:00:00Z"\n    observedGeneration: 1\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: negative-condition-httproute\n  namespace: default\nspec:\n  parentRefs:\n  - name: negative-condition-svc\n    namespace: default\nstatus:\n  parents:\n  - parentRef:\n      name: negative-condition-svc\n      namespace: default\n    conditions:\n    - type: Accepted\n      status: "False"\n      reason: WaypointNotBound\n      message: "Service is not bound to a waypoint"\n      lastTransitionTime: "2023-01-01T00:00:00Z"\n      observedGeneration: 1\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: GRPCRoute\nmetadata:\n  name: negative-condition-grpcroute\n  namespace: default\nspec:\n  parentRefs:\n  - name: negative-condition-svc\n    namespace: default\nstatus:\n  parents:\n  - parentRef:\n      name: negative-condition-svc\n      namespace: default\n    conditions:\n    - type: Accepted\n      status: "False"\n      reason: WaypointNotBound\n      message: "Service is not bound to a waypoint"\n      lastTransitionTime: "2023-01-01T00:00:00Z"\n      observedGeneration: 1\n```\n\nmeshlint reports:\n\n```text\nexported.yaml:10:13: Service "negative-condition-svc" reports istio.io/WaypointBound=False (NoWaypoint: waypoint "default/waypoint" is not ready): the control plane did not apply it as written when this manifest was exported. Fix what the message names, then re-export. [negative-status-condition]\nexported.yaml:31:13: ServiceEntry "negative-condition-svcEntry" reports istio.io/WaypointBound=False (WaypointIsNotReady: waypoint "default/waypoint" is not ready): the control plane did not apply it as written when this manifest was exported. Fix what the message names, then re-export. [negative-status-condition]\nexported.yaml:44:13: AuthorizationPolicy "negative-condition-authz" reports ZtunnelAccepted=False (UnsupportedValue: ztunnel does not support the CUSTOM action): the control plane did not apply it as written when this manifest was exported. Fix what the message names, then re-export. [negative-status-condition]\nexported.yaml:58:13: AuthorizationPolicy "negative-condition-authz-partially-invalid" reports WaypointAccepted=True (PartiallyInvalid: Invalid targetRefs: default/doesnt-exist): the control plane did not apply it as written when this manifest was exported. Fix what the message names, then re-export. [negative-status-condition]\nexported.yaml:79:13: Gateway "negative-condition-gateway" reports Programmed=False (AddressNotUsable: Failed to assign to any requested addresses: port 15008 not found for hostname "waypoint.default.svc.cluster.local"): the control plane did not apply it as written when this manifest was exported. Fix what the message names, then re-export. [negative-status-condition]\nexported.yaml:101:15: HTTPRoute "negative-condition-httproute" reports Accepted=False (WaypointNotBound: Service is not bound to a waypoint): the control plane did not apply it as written when this manifest was exported. Fix what the message names, then re-export. [negative-status-condition]\nexported.yaml:123:15: GRPCRoute "negative-condition-grpcroute" reports Accepted=False (WaypointNotBound: Service is not bound to a waypoint): the control plane did not apply it as written when this manifest was exported. Fix what the message names, then re-export. [negative-status-condition]\n```\n\nCorrect (fixtures/negative-status-condition/ok-positive-conditions):\n\n`exported.yaml`:\n\n```yaml\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: reviews\n  namespace: bookinfo\nspec:\n  parentRefs:\n  - name: gateway\n  rules:\n  - backendRefs:\n    - name: reviews\n      port: 9080\nstatus:\n  parents:\n  - parentRef:\n      name: gateway\n    controllerName: istio.io/gateway-controller\n    conditions:\n    - type: Accepted\n      status: "True"\n      reason: Accepted\n    - type: ResolvedRefs\n      status: "True"\n      reason: ResolvedRefs\n---\n# A condition of another controller is not Istio\'s to judge.\napiVersion: v1\nkind: Service\nmetadata:\n  name: reviews\n  namespace: bookinfo\nspec:\n  selector:\n    app: reviews\n  ports:\n  - name: http\n    port: 9080\nstatus:\n  conditions:\n  - type: argocd.argoproj.io/Synced\n    status: "False"\n    reason: OutOfSync\n```\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- istio `pilot/pkg/serviceregistry/ambient/` and `pilot/pkg/model/` \u2014 the `istio.io/WaypointBound`,\n  `ZtunnelAccepted` and `WaypointAccepted` conditions.\n- istio `pilot/pkg/config/kube/gateway/conditions.go` \u2014 Gateway API conditions.\n- istio `pkg/config/analysis/analyzers/conditions/conditions.go` \u2014 the conditions istioctl counts\n  as negative.\n\n## Aliases\n\n- `IST0171` (istioctl analyze, NegativeConditionStatus,\n  `pkg/config/analysis/analyzers/conditions/conditions.go`) \u2014 the same conditions; meshlint also\n  reads TCPRoute and TLSRoute parents.\n',
  "policy-selects-nothing": "# policy-selects-nothing\n\n> A workload selector (AuthorizationPolicy, PeerAuthentication, RequestAuthentication, Sidecar,\n> Telemetry) matches no workload.\n\nDefault severity: **warning**.\n\n## What happens at runtime\n\nA policy with a selector applies only to the pods whose labels include every label of the\nselector. When no pod has them, istiod attaches the policy to nothing and says nothing about it:\n\n| kind | what is lost |\n| --- | --- |\n| AuthorizationPolicy ALLOW | the workload it was written for never gets this allow-list; with no other ALLOW policy it accepts every request |\n| AuthorizationPolicy DENY | the requests it should deny are let through |\n| AuthorizationPolicy CUSTOM / AUDIT | nothing is sent to the external authorizer / nothing is audited |\n| PeerAuthentication | the workload keeps the namespace or mesh mTLS mode (e.g. stays PERMISSIVE instead of STRICT) |\n| RequestAuthentication | no proxy validates these tokens, and `requestPrincipals` never match on the intended workload |\n| Sidecar | the proxies keep the namespace's default Sidecar (or none) |\n| Telemetry | the workloads keep the namespace or mesh telemetry |\n\nWhere a selector looks depends on the kind, and meshlint follows istiod exactly:\n\n- AuthorizationPolicy and RequestAuthentication: the policy's namespace; in the **root namespace**\n  (`istio-system` unless `meshConfig.rootNamespace` says otherwise) a selector reaches the workloads\n  of **every** namespace.\n- Sidecar and Telemetry: the policy's own namespace only, even in the root namespace.\n- PeerAuthentication: the policy's namespace; **a PeerAuthentication with a selector in the root\n  namespace is ignored altogether** (only a selector-less one there is the mesh-wide policy). This\n  case is always reported: it can never apply, whatever the cluster holds. If the selector matches\n  workloads of another namespace, the message says where to move it.\n\nAn empty selector (`matchLabels: {}`) selects every workload of the namespace and is not reported;\nnor are policies attached with `targetRefs`.\n\n**Closed world only where we know it.** meshlint only knows the pods that are in its input. A\nselector is reported only when the input *declares* its namespace (the Namespace object is there)\nand holds at least one workload in it \u2014 a Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod,\nReplicaSet, Argo Rollout or Knative Service. A folder of policies linted without the Deployments\nthey protect gives no finding, and neither does a namespace the tree fills without declaring it:\nsuch a namespace is often shared with components deployed from elsewhere (net-istio's\nPeerAuthentication for Knative's `webhook` pods lives in `knative-serving`, whose Deployment comes\nwith Knative Serving). A namespace that also holds objects which may run pods of their own \u2014 an operator's custom\nresource (a Kafka cluster, a Prometheus, an Argo Workflow, an IstioOperator), a\nReplicationController \u2014 is not judged either: their pods and labels are not in the input. Nor are\nselectors on labels that only appear at runtime (`pod-template-hash`,\n`statefulset.kubernetes.io/pod-name`, `batch.kubernetes.io/job-name`, the labels Istio's injector\nadds such as `service.istio.io/canonical-name`, and those of the pods Istio deploys for a Gateway,\n`gateway.networking.k8s.io/gateway-name`); a selector matching the `spec.infrastructure.labels` of\nan Istio-class Gateway of the namespace matches that Gateway's pods. For a root-namespace\nAuthorizationPolicy or RequestAuthentication the root\nnamespace must be declared and hold workloads; its selector is then compared with the workloads of\nevery namespace in the input, so it can be reported when it targets a namespace whose workloads are\nnot part of the input: lint the whole tree, or suppress it.\n\nWhen a workload nearly matches, the message names it and the label that differs, and the\nsuggestion carries the corrected selector: the other labels all match and one has another value\n(`app=cart, version=v2` vs `version=v1`), or a one-label selector is within two edits of a label\nthe pods carry (`app: carts` vs `app: cart`, `istio: ingresgateway` vs `istio: ingressgateway`).\n\n## How to fix\n\nMake the selector match the labels of the pod template (not the Deployment's own labels):\n\n```yaml\nspec:\n  selector:\n    matchLabels:\n      app: cart\n```\n\nFor a Sidecar the map is `spec.workloadSelector.labels`. Move a PeerAuthentication with a selector\nout of the root namespace into the namespace of its workloads.\n\n## Options\n\n| option | default | meaning |\n| --- | --- | --- |\n| `ignoreNamespaces` | `[]` | Policies (of every kind the rule checks) in these namespaces are not checked: for example a namespace whose pods are started by hand or by a tool outside the tree. |\n\n```yaml\n# .meshlint.yaml\nrules:\n  policy-selects-nothing: [warn, { ignoreNamespaces: [sandbox] }]\n```\n\nSee `fixtures/policy-selects-nothing/options-ignore-namespaces`: the policy in `sandbox` is not\nreported, the same mistake in `shop` is.\n\n## Examples\n\nA typo in a selector; a selector in the root namespace, which istiod ignores for a\nPeerAuthentication, and one it honours for an AuthorizationPolicy:\n\n<!-- examples: typo-in-app-label (policy.yaml), root-peerauthentication-with-selector (peerauthentication.yaml), ok-root-selector-reaches-all-namespaces (istio-system.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/policy-selects-nothing/typo-in-app-label):\n\n`policy.yaml`:\n\n```yaml\n# Meant for the cart Deployment, whose pods are labelled app=cart.\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: cart-allow-frontend\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: carts\n  action: ALLOW\n  rules:\n  - from:\n    - source:\n        principals: [\"cluster.local/ns/shop/sa/frontend\"]\n```\n\nAlso in the case, not shown: `namespace.yaml`, `workloads.yaml`.\n\nmeshlint reports:\n\n```text\npolicy.yaml:9:5: AuthorizationPolicy \"cart-allow-frontend\" selects no workload: no workload in namespace \"shop\" has app=carts (Deployment shop/cart has app=cart). So the workload it was written for does not get this ALLOW list and, with no other ALLOW policy, accepts every request. Make the selector match the pods' labels. [policy-selects-nothing]\n```\n\nIncorrect (fixtures/policy-selects-nothing/root-peerauthentication-with-selector):\n\n`peerauthentication.yaml`:\n\n```yaml\n# Istio docs: PeerAuthentication policies with workload selectors are ignored in the root namespace.\napiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: cart-strict\n  namespace: istio-system\nspec:\n  selector:\n    matchLabels:\n      app: cart\n  mtls:\n    mode: STRICT\n```\n\nAlso in the case, not shown: `namespace.yaml`, `workloads.yaml`.\n\nmeshlint reports:\n\n```text\npeerauthentication.yaml:9:5: PeerAuthentication \"cart-strict\" has a selector in the root namespace \"istio-system\", where istiod ignores selectors: its mTLS settings apply to no workload. It selects Deployment shop/cart: move it to namespace \"shop\". [policy-selects-nothing]\n```\n\nCorrect (fixtures/policy-selects-nothing/ok-root-selector-reaches-all-namespaces):\n\n`istio-system.yaml`:\n\n```yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: istiod\n  namespace: istio-system\nspec:\n  selector:\n    matchLabels:\n      app: istiod\n  template:\n    metadata:\n      labels:\n        app: istiod\n    spec:\n      serviceAccountName: istiod\n      containers:\n      - name: discovery\n        image: docker.io/istio/pilot:1.24.0\n---\n# A selector in the root namespace reaches workloads of every namespace (AuthorizationPolicy,\n# RequestAuthentication): this one selects shop/cart.\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: cart-deny-debug\n  namespace: istio-system\nspec:\n  selector:\n    matchLabels:\n      app: cart\n  action: DENY\n  rules:\n  - to:\n    - operation:\n        paths: [\"/debug/*\"]\n---\napiVersion: security.istio.io/v1\nkind: RequestAuthentication\nmetadata:\n  name: cart-jwt\n  namespace: istio-system\nspec:\n  selector:\n    matchLabels:\n      app: cart\n  jwtRules:\n  - issuer: https://auth.example.com\n```\n\nAlso in the case, not shown: `namespace.yaml`, `workloads.yaml`.\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\nIn each case `workloads.yaml` holds Deployment `shop/cart`, whose pods are labelled `app: cart`.\n\nAlso correct: fixtures/policy-selects-nothing/ok-selectors-match. Partial trees, not reported:\nfixtures/policy-selects-nothing/ok-namespace-without-workloads,\nfixtures/policy-selects-nothing/ok-namespace-not-declared,\nfixtures/policy-selects-nothing/ok-pods-of-an-operator.\n\n## Sources\n\n- istio `pilot/pkg/model/policyattachment.go` \u2014 `WorkloadPolicyMatcher.isSelected`,\n  `ShouldAttachPolicy` (selectors; `targetRefs` policies ignore the selector).\n- istio `pilot/pkg/model/authorization.go` \u2014 `ListAuthorizationPolicies` (the workload's namespace\n  and the root namespace).\n- istio `pilot/pkg/model/authentication.go` \u2014 `getConfigsForWorkload` (RequestAuthentication and\n  PeerAuthentication from the workload's namespace and the root namespace).\n- istio `pilot/pkg/security/authn/policy_applier.go` \u2014 `ComposePeerAuthentication`: a\n  PeerAuthentication with a selector in the root namespace is neither mesh, namespace nor workload\n  policy; `pilot/pkg/serviceregistry/ambient/authorization.go`, `convertedSelectorPeerAuthentications`,\n  does the same for ztunnel.\n- Istio docs, PeerAuthentication reference: \"PeerAuthentication policies with workload selectors\n  are ignored when deployed in the root namespace\" \u2014\n  https://istio.io/latest/docs/reference/config/security/peer_authentication/\n- istio `pilot/pkg/model/push_context.go` \u2014 `doGetSidecarScope` (Sidecars of the proxy's own\n  namespace; the root namespace only provides the selector-less default); istio/api\n  `networking/v1alpha3/sidecar.proto` \u2014 `WorkloadSelector.labels`.\n- istio `pilot/pkg/model/telemetry.go` \u2014 `applicableTelemetries` (selector Telemetries of the\n  proxy's own namespace only).\n\n## Aliases\n\n- `IST0127` (istioctl analyze, NoMatchingWorkloadsFound) \u2014 AuthorizationPolicy only\n  (`pkg/config/analysis/analyzers/authz/authorizationpolicies.go`). istioctl counts only pods that\n  are in the mesh and reports a selector-less policy in a namespace without pods; meshlint counts\n  every workload (a policy that selects only pods outside the mesh is a different problem) and does\n  not report selector-less policies.\n- istioctl reports Sidecar and Telemetry selectors without pods as `IST0101`\n  (`analyzers/sidecar/selector.go`, `analyzers/telemetry/selector.go`).\n- `KIA0004` (Kiali, `business/checkers/common/workload_selector_checker.go`) \u2014 AuthorizationPolicy,\n  PeerAuthentication, RequestAuthentication and Sidecar. Kiali looks only in the policy's own\n  namespace, so it reports a root-namespace AuthorizationPolicy or RequestAuthentication that\n  selects workloads of other namespaces (a false positive meshlint avoids), and it does not know\n  that a root-namespace PeerAuthentication with a selector is ignored. Kiali does not check\n  Telemetry selectors.\n- `KIA1006` (Kiali, `business/checkers/sidecars/global_checker.go`) \u2014 a Sidecar with a\n  `workloadSelector` in the root namespace. istiod takes as the mesh-wide default only the root\n  namespace's Sidecar *without* a selector (`pilot/pkg/model/push_context.go`,\n  `initSidecarScopes`); one with a selector applies to the root namespace's matching pods only.\n  Kiali warns about every such Sidecar; meshlint reports it when it selects none of the root\n  namespace's pods (the `selectsNothingInRoot` message), that is when it was meant for pods\n  elsewhere, and leaves alone one that configures the root namespace's own pods.\n",
  "principal-never-matches": '# principal-never-matches\n\n> An AuthorizationPolicy names a principal or service account that no workload of the input runs\n> as.\n\nDefault severity: **warning**.\n\n## What happens at runtime\n\n`principals`, `notPrincipals` and the `source.principal` condition are compared with the caller\'s\nmTLS identity, `<trust domain>/ns/<namespace>/sa/<service account>`; `serviceAccounts`,\n`notServiceAccounts` and `source.serviceAccount` (`<namespace>/<account>`, or `<account>` in the\npolicy\'s namespace) with the same identity. An identity that no pod runs as never shows up:\n\n| where | consequence |\n| --- | --- |\n| `principals` / `serviceAccounts` / `values` of an ALLOW rule | the entry admits no caller: the callers it was meant for get HTTP 403 (or a reset connection) unless another rule admits them |\n| the same in a DENY rule | the entry denies no caller: the traffic it should block gets through |\n| `notPrincipals` / `notServiceAccounts` / `notValues` | the exclusion excludes nobody (in a DENY rule, it spares no caller) |\n\nThe usual causes, which the message names when it finds them:\n\n- the workload runs as another account \u2014 most often `default`, because its Deployment sets no\n  `serviceAccountName` (the message says which account it runs as, and suggests giving it its own);\n- a typo in the account (within two edits of an account of that namespace);\n- the right account in the wrong namespace;\n- a caller that cannot present its identity at all: every pod running as it has no sidecar and is\n  not enrolled in ambient, so it calls in plaintext (reported only when the Namespace object of the\n  caller is in the input, so that its injection and ambient labels are known).\n\nTwo mistakes are reported whatever the input holds, because they can match no identity:\n\n- a value starting with `spiffe://` \u2014 Envoy adds the scheme itself and compares with\n  `spiffe://spiffe://\u2026`;\n- a `*` that is neither the first nor the last character (`cluster.local/ns/*/sa/reader`): only a\n  leading or trailing `*` is a wildcard; anywhere else it is compared literally.\n\n**Which identities exist.** Every workload of the input (Deployment, StatefulSet, DaemonSet, Job,\nCronJob, Pod, ReplicaSet, Argo Rollout, Knative Service\u2026) runs as its `serviceAccountName`, or as\n`default` when it sets none \u2014 no ServiceAccount object is needed for that. A waypoint runs as its\nGateway\'s name, and the deployment Istio creates for a Gateway of another Istio class as\n`<name>-<class>` (or the `gateway.istio.io/service-account` annotation). A ServiceAccount object of\nthe input also counts, even when no workload of the input uses it (its pods may be deployed\nelsewhere).\n\n**Trust domains.** istiod rewrites a principal of five parts whose trust domain is `cluster.local`\nor the mesh\'s own to the mesh\'s trust domain (and its aliases), so `cluster.local/ns/\u2026` always\nmeans "this mesh" (set `mesh.trustDomain` in `.meshlint.yaml` when it is not `cluster.local`). A\nprincipal of a trust domain listed in `mesh.trustDomainAliases` (another cluster, a federated mesh)\nis never reported: its workloads are not in the input. An exact principal of any other trust\ndomain is reported: sidecars and waypoints validate the peer certificate\'s SPIFFE trust domain\nagainst the mesh\'s, its aliases and the `caCertificates` trust domains, and refuse the rest, so\nit matches no caller. `*/ns/<ns>/sa/<sa>` ignores the trust domain.\n\n**Closed world only where we know it.** An entry is reported only when it pins one namespace\n(an exact principal, `<td>/ns/<ns>/\u2026*`, `*/ns/<ns>/\u2026`, a service account entry) and the input\n*declares* that namespace (its Namespace object is there) and holds at least one workload in it\n(waypoints and gateways alone do not count). A pattern that may match several namespaces (`*`,\n`*/sa/reader`, `cluster.local/ns/prod-*`), a namespace whose pods are not in the input, a\nnamespace the tree fills without declaring it (often one shared with components deployed from\nelsewhere, like `default` or `knative-serving`), and a namespace holding objects that may run pods\nof their own (an operator\'s custom resource, a ReplicationController) are not judged. In a multi-cluster mesh sharing one trust domain, the same\nidentity may run in another cluster: lint the clusters\' trees together, or list those identities\nin the `knownPrincipals` option.\n\n## How to fix\n\nName the identity the caller really has, or give the caller the identity the policy names:\n\n```yaml\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: frontend\n  namespace: web\n---\n# Deployment web/frontend\nspec:\n  template:\n    spec:\n      serviceAccountName: frontend\n```\n\nPrefer a dedicated service account per workload: `default` is shared by every pod of the namespace\nthat sets none, so admitting `\u2026/sa/default` admits all of them.\n\n**`--fix`** drops the scheme of a value written as a SPIFFE URI (`spiffe://cluster.local/ns/web/sa/frontend`\nbecomes `cluster.local/ns/web/sa/frontend`), and applies no other change. That one is safe to apply\nunasked because:\n\n- the value as written can match no request at all (Envoy compares the peer\'s URI SAN with\n  `spiffe://` + the value; pilot/pkg/security/authz/matcher/string.go `StringMatcherWithPrefix`), so\n  no traffic that the policy matches today stops being matched;\n- the text after the scheme is the identity the author wrote, in the form Istio expects: the fixed\n  value matches exactly the identity (or, for a trailing `*`, the identities) the URI names, and\n  nothing else \u2014 it takes no guess at a trust domain, a namespace or an account;\n- in a DENY rule, or in `notPrincipals`, this makes the policy do what it says (deny that caller,\n  or spare it); that is the intent the text states, and the finding says so before `--fix` runs.\n\n`spiffe://*` (any identity), an inner `*`, a principal that no workload runs as, a missing trust\ndomain: each needs a choice (which identity was meant, how wide a pattern), so they stay\nsuggestions, which `--fix` never applies. fixtures/principal-never-matches/fix-spiffe-prefix holds a policy\n(`policy.yaml`) and what `--fix` makes of it (`policy.yaml.fixed`).\n\n## Options\n\n| Option | Type | Default | Meaning |\n| --- | --- | --- | --- |\n| `knownPrincipals` | string[] | `[]` | Principals that exist although no workload of the input runs as them (clients in other clusters, pods deployed from another tree). Each is an identity (`cluster.local/ns/web/sa/reports`) or a pattern with a leading or trailing `*` as in a policy (`cluster.local/ns/web/sa/batch-*`, `cluster.local/ns/batch/*`). An entry is not reported when one of them matches it, or, for a pattern entry, when it matches one of them; `serviceAccounts` entries are compared as their identity. A trust domain of `cluster.local` or one of `mesh.trustDomainAliases` is read as the mesh\'s, as istiod does. Values that can match no identity at all (`spiffe://\u2026`, an inner `*`) are still reported. |\n| `ignoreNamespaces` | string[] | `[]` | AuthorizationPolicies in these namespaces are not checked. |\n\n```yaml\n# .meshlint.yaml\nrules:\n  principal-never-matches:\n  - warn\n  - knownPrincipals:\n    - cluster.local/ns/web/sa/reports\n    - cluster.local/ns/web/sa/batch-*\n    ignoreNamespaces: [sandbox]\n```\n\nfixtures/principal-never-matches/options-known-principals reports only the typo of its policy,\nwhile the same policy without the option (fixtures/principal-never-matches/clients-in-another-cluster)\nreports every identity that does not run in the input; fixtures/principal-never-matches/options-ignore-namespaces\nreports the policy of namespace `shop` but not the same one in `sandbox`.\n\n## Examples\n\nDeployment `web/frontend` sets no `serviceAccountName`, so it runs as\n`cluster.local/ns/web/sa/default`; then typos, found against the accounts the input\'s workloads use:\n\n<!-- examples: frontend-runs-as-default (policy.yaml), typo-in-service-account (policy.yaml), ok-identities-exist (policy.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/principal-never-matches/frontend-runs-as-default):\n\n`policy.yaml`:\n\n```yaml\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: cart-from-frontend\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: cart\n  action: ALLOW\n  rules:\n  - from:\n    - source:\n        principals: ["cluster.local/ns/web/sa/frontend"]\n```\n\nAlso in the case, not shown: `workloads.yaml`.\n\nmeshlint reports:\n\n```text\npolicy.yaml:14:22: AuthorizationPolicy "cart-from-frontend": principal "cluster.local/ns/web/sa/frontend" matches no pod of namespace "web", so in "principals" it admits no caller: its intended callers are refused unless another rule admits them. Deployment web/frontend runs as "cluster.local/ns/web/sa/default" (it sets no serviceAccountName): name that, or give it its own account. [principal-never-matches]\n```\n\nIncorrect (fixtures/principal-never-matches/typo-in-service-account):\n\n`policy.yaml`:\n\n```yaml\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: cart-from-frontend\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: cart\n  rules:\n  - from:\n    - source:\n        principals: ["cluster.local/ns/web/sa/frontnd"]\n  - from:\n    - source:\n        serviceAccounts: ["web/fronted", "cart"]\n```\n\nAlso in the case, not shown: `workloads.yaml`.\n\nmeshlint reports:\n\n```text\npolicy.yaml:13:22: AuthorizationPolicy "cart-from-frontend": principal "cluster.local/ns/web/sa/frontnd" matches no pod of namespace "web", so in "principals" it admits no caller: its intended callers are refused unless another rule admits them. Did you mean "cluster.local/ns/web/sa/frontend"? [principal-never-matches]\npolicy.yaml:16:27: AuthorizationPolicy "cart-from-frontend": service account "web/fronted" matches no pod of namespace "web", so in "serviceAccounts" it admits no caller: its intended callers are refused unless another rule admits them. Did you mean "web/frontend"? [principal-never-matches]\n```\n\nCorrect (fixtures/principal-never-matches/ok-identities-exist):\n\n`policy.yaml`:\n\n```yaml\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: cart-callers\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: cart\n  rules:\n  - from:\n    - source:\n        principals:\n        - "cluster.local/ns/web/sa/default"        # frontend sets no service account\n        - "cluster.local/ns/shop/sa/waypoint"      # the waypoint runs as its Gateway\'s name\n        - "cluster.local/ns/web/sa/public-istio"   # Istio\'s deployment for Gateway "public"\n        - "cluster.local/ns/web/sa/nightly"        # a ServiceAccount object\n        - "*/ns/web/sa/default"\n        - "cluster.local/ns/web/sa/def*"\n        - "cluster.local/ns/payments/sa/billing"   # no workload of "payments" in the input\n        - "cluster.local/ns/tools/sa/oncall"       # "tools" is not declared\n        - "*"\n  - from:\n    - source:\n        serviceAccounts: ["cart", "web/default"]\n  - when:\n    - key: source.principal\n      notValues: ["cluster.local/ns/web/*"]\n```\n\nAlso in the case, not shown: `gateways.yaml`, `workloads.yaml`.\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\nIncorrect whatever the input (fixtures/principal-never-matches/spiffe-prefix-and-inner-wildcard):\n`"spiffe://cluster.local/ns/web/sa/frontend"`, `"cluster.local/ns/*/sa/frontend"`.\n\n## Sources\n\n- istio `pilot/pkg/security/authz/model/generator.go` \u2014 `srcPrincipalGenerator` (principals are\n  matched with `spiffe://` prepended), `serviceAccountRegex` (`serviceAccounts`).\n- istio `pilot/pkg/security/authz/matcher/string.go` \u2014 `StringMatcherWithPrefix`: `*` presence,\n  leading `*` suffix, trailing `*` prefix, otherwise exact.\n- istio `pilot/pkg/security/trustdomain/bundle.go` \u2014 `ReplaceTrustDomainAliases`: five-part\n  principals of `cluster.local` or a known trust domain are rewritten to the trust domain and its\n  aliases; a `*` trust domain is not enforced.\n- istio `pilot/pkg/serviceregistry/ambient/authorization.go` \u2014 `stringToMatch`,\n  `stringToServiceAccountMatch` (ztunnel: same matching).\n- istio `pkg/config/security/security.go` \u2014 `CheckEmptyValues`: principals are not checked for\n  inner wildcards, so such a policy is accepted.\n- istio `pilot/pkg/networking/plugin/authn/util.go` \u2014 `TrustDomainsForValidation`: the trust\n  domains whose peer certificates a sidecar or waypoint accepts.\n- istio `pilot/pkg/config/kube/gateway/deploymentcontroller.go` \u2014 the service account of a\n  waypoint or Istio gateway deployment.\n- Envoy `source/extensions/filters/common/rbac/matchers.cc` \u2014 `AuthenticatedMatcher::matches`: no\n  TLS, no principal (a plaintext caller never matches).\n\n## Aliases\n\n- `KIA0106` (Kiali, `business/checkers/authorization/principals_checker.go`) \u2014 Kiali checks only\n  `principals` (not `notPrincipals`, service accounts or `source.principal`), against the service\n  accounts of the pods it sees, and reports any principal it cannot find, including patterns\n  spanning namespaces and namespaces it does not watch. It does not explain what the intended\n  workload runs as, and does not know that `spiffe://` values and inner wildcards never match.\n- `KIA0108` (Kiali, same file, `hasForeignTrustDomain`) \u2014 an exact principal whose trust domain\n  Kiali does not know: the `foreignTrustDomain` message. Kiali knows the trust domains of the\n  clusters it watches; meshlint knows `mesh.trustDomain` and `mesh.trustDomainAliases`, so a\n  federated mesh lists its peers\' trust domains there.\n',
  "selector-ignored-in-ambient": '# selector-ignored-in-ambient\n\n> A RequestAuthentication, an L7 Telemetry or a WasmPlugin selects ambient pods by label: ztunnel\n> ignores it and waypoints take only targetRefs, so it has no effect.\n\nDefault severity: **warning**.\n\n## What happens at runtime\n\nA `selector` picks the pods whose **Envoy** applies the policy: their sidecar. Ambient pods run no\nEnvoy. Their traffic goes through ztunnel, which reads no RequestAuthentication, Telemetry or\nWasmPlugin, and \u2014 when they are enrolled in one \u2014 through a waypoint, which applies only the\npolicies attached to it with `targetRefs` (a Service, the waypoint Gateway, or the\n`istio-waypoint` GatewayClass) and never selector-based ones. So for the ambient pods a selector\npicks:\n\n- a **RequestAuthentication** validates nothing: tokens are not checked, invalid ones are not\n  refused, and no request principal is set, so AuthorizationPolicy `requestPrincipals` never match;\n- a **Telemetry** with tracing, access logging or metric overrides has no effect (plain metrics are\n  left alone: ztunnel reports its own layer-4 metrics);\n- a **WasmPlugin** does not run.\n\nThe rule reports a policy whose selector matches ambient pods of the input (not waypoints or\ngateways, which run Envoy). A policy without a selector, or one that selects sidecar pods, is left\nalone.\n\n## How to fix\n\nEnrol the pods\' Service in a waypoint (`istio.io/use-waypoint`) and attach the policy to the\nService with `targetRefs` instead of `selector`:\n\n```yaml\nspec:\n  targetRefs:\n  - kind: Service\n    group: ""\n    name: cart\n```\n\n## Examples\n\n<!-- examples: request-authentication-and-telemetry (policies.yaml), ok-targetrefs-and-sidecars (policies.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/selector-ignored-in-ambient/request-authentication-and-telemetry):\n\n`policies.yaml`:\n\n```yaml\n# Kiali KIA1110/KIA1115, KIA1112/KIA1117 and KIA1111/KIA1116 (ambient_policy_checker.go):\n# selector-based L7 policies in an ambient namespace.\napiVersion: security.istio.io/v1\nkind: RequestAuthentication\nmetadata:\n  name: cart-jwt\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: cart\n  jwtRules:\n  - issuer: https://auth.example.com\n    jwksUri: https://auth.example.com/.well-known/jwks.json\n---\napiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata:\n  name: cart-logs\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: cart\n  accessLogging:\n  - providers:\n    - name: envoy\n---\napiVersion: extensions.istio.io/v1alpha1\nkind: WasmPlugin\nmetadata:\n  name: cart-headers\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: cart\n  url: oci://ghcr.io/example/headers:1.0\n```\n\nAlso in the case, not shown: `workloads.yaml`.\n\nmeshlint reports:\n\n```text\npolicies.yaml:9:3: RequestAuthentication "cart-jwt" selects Deployment shop/cart, which runs in ambient: ztunnel validates no JWT and a waypoint applies only policies attached with targetRefs, so no token is validated and no request principal is set for them. Attach it with targetRefs to the Service in front of them (served by a waypoint). [selector-ignored-in-ambient]\npolicies.yaml:22:3: Telemetry "cart-logs" configures access logging for Deployment shop/cart, which runs in ambient: ztunnel does not apply it and a waypoint applies only policies attached with targetRefs, so it has no effect. Attach it with targetRefs to the Service in front of them (served by a waypoint). [selector-ignored-in-ambient]\npolicies.yaml:35:3: WasmPlugin "cart-headers" selects Deployment shop/cart, which runs in ambient: ztunnel runs no Wasm and a waypoint applies only plugins attached with targetRefs, so the plugin does not run for them. Attach it with targetRefs to the Service in front of them (served by a waypoint). [selector-ignored-in-ambient]\n```\n\nCorrect (fixtures/selector-ignored-in-ambient/ok-targetrefs-and-sidecars):\n\n`policies.yaml`:\n\n```yaml\n# Attached with targetRefs; a Telemetry with plain metrics only (ztunnel reports L4 metrics); a\n# selector on pods of a sidecar namespace.\napiVersion: security.istio.io/v1\nkind: RequestAuthentication\nmetadata:\n  name: cart-jwt\n  namespace: shop\nspec:\n  targetRefs:\n  - kind: Service\n    group: ""\n    name: cart\n  jwtRules:\n  - issuer: https://auth.example.com\n    jwksUri: https://auth.example.com/.well-known/jwks.json\n---\napiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata:\n  name: cart-metrics\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: cart\n  metrics:\n  - providers:\n    - name: prometheus\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: web\n  labels:\n    istio-injection: enabled\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: frontend\n  namespace: web\nspec:\n  selector:\n    matchLabels:\n      app: frontend\n  template:\n    metadata:\n      labels:\n        app: frontend\n    spec:\n      containers:\n      - name: frontend\n        image: example/frontend:1.0\n---\napiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata:\n  name: frontend-tracing\n  namespace: web\nspec:\n  selector:\n    matchLabels:\n      app: frontend\n  tracing:\n  - randomSamplingPercentage: 10\n---\napiVersion: extensions.istio.io/v1alpha1\nkind: WasmPlugin\nmetadata:\n  name: cart-headers\n  namespace: shop\nspec:\n  targetRefs:\n  - kind: Service\n    group: ""\n    name: cart\n  url: oci://ghcr.io/example/headers:1.0\n```\n\nAlso in the case, not shown: `workloads.yaml`.\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- istio `pilot/pkg/model/policyattachment.go` \u2014 `WorkloadPolicyMatcher.ShouldAttachPolicy`:\n  "waypoints never use selector"; a waypoint takes targetRefs to a Service, ServiceEntry, its\n  Gateway or the `istio-waypoint` GatewayClass.\n- istio `pilot/pkg/serviceregistry/ambient/` \u2014 what istiod sends ztunnel: workloads, services and\n  AuthorizationPolicies, no RequestAuthentication or Telemetry.\n- Istio docs, *Ambient and Istio traffic management / security policy* \u2014 layer-7 features need a\n  waypoint and policies attached with targetRefs.\n\n## Aliases\n\n- `KIA1110`, `KIA1115` (RequestAuthentication), `KIA1112`, `KIA1117` (Telemetry) and `KIA1111`,\n  `KIA1116` (WasmPlugin) \u2014 Kiali,\n  `business/checkers/ambient_policy_checker.go` and `ambient/l7_classification.go`. Kiali warns\n  about any such policy of an ambient namespace that is not enrolled in a waypoint (`KIA1110`,\n  `KIA1112`, `KIA1111`) or that has no `targetRefs` (`KIA1115`, `KIA1117`, `KIA1116`), whatever\n  pods it selects; meshlint reports the selector when it picks ambient pods, where it has no\n  effect.\n',
  "service-port-protocol": '# service-port-protocol\n\n> A Service port declares no protocol Istio knows (a name such as http-web or tcp-db, or appProtocol), so Istio sniffs it.\n\nDefault severity: **warning**.\n\n## What happens at runtime\n\nistiod gives every Service port a protocol: `appProtocol` when set (Kubernetes\' `kubernetes.io/h2c`,\n`\u2026/ws`, `\u2026/wss` included), else the port name up to its first `-` (`http-web` is HTTP,\n`grpc-web\u2026` is gRPC-Web) \u2014 one of `tcp`, `udp`, `grpc`, `grpc-web`, `http`, `http_proxy`,\n`http2`, `https`, `tls`, `mongo`, `redis`, `mysql`, case-insensitive; ports 25, 53, 3306 and 27017\nare TCP without a name; UDP ports are UDP. Anything else is *unsupported*, and the sidecar or\nwaypoint **detects the protocol** from the first bytes the client sends:\n\n- a protocol where the server speaks first (MySQL, SMTP, some databases and message brokers) can\n  hang: the proxy waits for bytes the client never sends;\n- HTTP routing (VirtualService `http` routes, retries, timeouts) and HTTP fields of\n  AuthorizationPolicies apply only when detection recognises HTTP; otherwise the port is plain TCP.\n\nServices of the Istio control plane and managed gateways (labelled `istio`, `release: istio` or\n`gateway.istio.io/managed`), Services in Kubernetes\' own namespaces (`kube-system`, `kube-public`,\n`kube-node-lease`) and `ExternalName` Services are not checked.\n\n## How to fix\n\nName the port `<protocol>[-<suffix>]`, or set `appProtocol`:\n\n```yaml\nports:\n- name: http-web\n  port: 8080\n- name: tcp-db\n  port: 5432\n- name: metrics\n  port: 9090\n  appProtocol: http\n```\n\n## Examples\n\n<!-- examples: unnamed-and-unknown, ok-named-ports -->\n<!-- examples:start -->\n\nIncorrect (fixtures/service-port-protocol/unnamed-and-unknown):\n\n`services.yaml`:\n\n```yaml\n# After istio pkg/config/analysis/analyzers/testdata/service-no-port-name.yaml (Apache-2.0).\napiVersion: v1\nkind: Service\nmetadata:\n  name: orders\n  namespace: shop\nspec:\n  selector:\n    app: orders\n  ports:\n  - protocol: TCP\n    port: 8080\n  - name: web\n    port: 8081\n  - name: metrics\n    port: 9090\n    appProtocol: prometheus\n```\n\nmeshlint reports:\n\n```text\nservices.yaml:12:11: Service "orders" port 8080 declares no protocol Istio knows: Istio detects it from the first bytes the client sends, so a protocol where the server speaks first (MySQL, SMTP, \u2026) can hang, and HTTP routing and policy apply only when detection recognises HTTP. Name the port <protocol>[-suffix] (http-web, grpc, tcp-db) or set appProtocol. [service-port-protocol]\nservices.yaml:13:11: Service "orders" port 8081 ("web") declares no protocol Istio knows: Istio detects it from the first bytes the client sends, so a protocol where the server speaks first (MySQL, SMTP, \u2026) can hang, and HTTP routing and policy apply only when detection recognises HTTP. Name the port <protocol>[-suffix] (http-web, grpc, tcp-db) or set appProtocol. [service-port-protocol]\nservices.yaml:17:18: Service "orders" port 9090 ("metrics") declares no protocol Istio knows (appProtocol "prometheus"): Istio detects it from the first bytes the client sends, so a protocol where the server speaks first (MySQL, SMTP, \u2026) can hang, and HTTP routing and policy apply only when detection recognises HTTP. Name the port <protocol>[-suffix] (http-web, grpc, tcp-db) or set appProtocol. [service-port-protocol]\n```\n\nCorrect (fixtures/service-port-protocol/ok-named-ports):\n\n`services.yaml`:\n\n```yaml\n# After istio pkg/config/analysis/analyzers/testdata/service-port-name.yaml (Apache-2.0).\napiVersion: v1\nkind: Service\nmetadata:\n  name: orders\n  namespace: shop\nspec:\n  selector:\n    app: orders\n  ports:\n  - name: http\n    port: 80\n  - name: http-admin\n    port: 8080\n  - name: GRPC-web-api\n    port: 9000\n  - name: ws\n    port: 9001\n    appProtocol: kubernetes.io/ws\n  - name: db\n    port: 3306\n  - name: dns\n    port: 53\n    protocol: UDP\n  - port: 8443\n    appProtocol: https\n---\n# The control plane\'s own Services are left alone.\napiVersion: v1\nkind: Service\nmetadata:\n  name: istiod\n  namespace: istio-system\n  labels:\n    istio: pilot\nspec:\n  selector:\n    app: istiod\n  ports:\n  - name: grpc-xds\n    port: 15010\n  - name: status-port\n    port: 15014\n---\n# Kubernetes\' own Services are the cluster\'s.\napiVersion: v1\nkind: Service\nmetadata:\n  name: metrics-server\n  namespace: kube-system\nspec:\n  selector:\n    k8s-app: metrics-server\n  ports:\n  - port: 443\n    targetPort: 10250\n```\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- istio `pkg/config/kube/conversion.go` \u2014 `ConvertProtocol`, `wellKnownPorts`.\n- istio `pkg/config/protocol/instance.go` \u2014 `Parse`.\n- istio.io `docs/ops/configuration/traffic-management/protocol-selection/` \u2014 automatic protocol\n  selection and server-first protocols.\n\n## Aliases\n\n- `IST0118` (istioctl analyze, PortNameIsNotUnderNamingConvention,\n  `pkg/config/analysis/analyzers/service/portname.go`) \u2014 the same check; istioctl reports it as Info.\n- `KIA0601`, `KIA0602` (Kiali, `business/checkers/services/port_mapping_checker.go`): port name and\n  appProtocol not of the form `<protocol>[-suffix]`.\n',
  "serviceentry-conflict": '# serviceentry-conflict\n\n> Several ServiceEntries declare the same host and port: with different protocols, or from different namespaces that a client sees together.\n\nDefault severity: **warning**.\n\n## What happens at runtime\n\nistiod turns every ServiceEntry host into a Service of the registry, keyed by host name and\nnamespace. When several ServiceEntries declare one host:\n\n| message | what happens |\n| --- | --- |\n| `conflictingProtocols` | the ServiceEntries give one port different protocols (`HTTP` and `HTTPS`, `TCP` and `HTTP`, a protocol and none). A client\'s sidecar imports one Service per host name \u2014 the one of its own namespace, else the first istiod lists \u2014 and builds the port\'s listener and cluster with that one\'s protocol: HTTP routing is lost, or TLS is parsed as plaintext HTTP. In one namespace, the oldest ServiceEntry\'s ports are used for the merged Service. |\n| `duplicateHostPort` | ServiceEntries of different namespaces declare the same host and port and some namespace sees both (`exportTo`). Its clients use only one of them: the other\'s endpoints, resolution and location are ignored there. |\n\nServiceEntries are compared by host (short names resolved in their namespace) and port, only\nwhere their `exportTo` lets one namespace see both. ServiceEntries of one namespace that agree on\nthe protocol are not reported: istiod merges their endpoints into one Service, a way to split a\nhost\'s endpoints across objects.\n\n## How to fix\n\nDeclare each host and port once, with one protocol. When two teams need the same external host,\nkeep one ServiceEntry in a shared namespace, or give each an `exportTo` of its own namespace\n(`exportTo: ["."]`).\n\n## Examples\n\n<!-- examples: conflicting-protocols (serviceentries.yaml), duplicate-across-namespaces (serviceentries.yaml), ok-same-namespace-endpoints, ok-exportto-apart -->\n<!-- examples:start -->\n\nIncorrect (fixtures/serviceentry-conflict/conflicting-protocols):\n\n`serviceentries.yaml`:\n\n```yaml\n# After istio pkg/config/analysis/analyzers/testdata/serviceentry-conflicting-protocol.yaml (Apache-2.0).\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: se-https\n  namespace: default\nspec:\n  hosts:\n  - example.com\n  ports:\n  - name: https-13835\n    number: 13835\n    protocol: HTTPS\n  resolution: DNS\n  location: MESH_EXTERNAL\n---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: se-http\n  namespace: default\nspec:\n  hosts:\n  - example.com\n  ports:\n  - name: http-13835\n    number: 13835\n    protocol: HTTP\n  resolution: DNS\n  location: MESH_EXTERNAL\n```\n\nmeshlint reports:\n\n```text\nserviceentries.yaml:11:5: ServiceEntry "se-https" declares example.com port 13835 as HTTPS, and ServiceEntry "default/se-http" declares it as HTTP (both seen in every namespace): a client\'s proxy keeps one protocol for the port, from its own namespace\'s ServiceEntry, else from the one istiod picks, and handles the traffic meant for the other as that protocol. Declare the port with one protocol. [serviceentry-conflict]\nserviceentries.yaml:26:5: ServiceEntry "se-http" declares example.com port 13835 as HTTP, and ServiceEntry "default/se-https" declares it as HTTPS (both seen in every namespace): a client\'s proxy keeps one protocol for the port, from its own namespace\'s ServiceEntry, else from the one istiod picks, and handles the traffic meant for the other as that protocol. Declare the port with one protocol. [serviceentry-conflict]\n```\n\nIncorrect (fixtures/serviceentry-conflict/duplicate-across-namespaces):\n\n`serviceentries.yaml`:\n\n```yaml\n# Two teams declare the same external API, each exported everywhere: a client in a third\n# namespace gets one of them (the oldest), with its endpoints and resolution.\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: payments-api\n  namespace: team-a\nspec:\n  hosts:\n  - api.payments.example\n  ports:\n  - name: https\n    number: 443\n    protocol: TLS\n  resolution: DNS\n  location: MESH_EXTERNAL\n---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: payments\n  namespace: team-b\nspec:\n  hosts:\n  - api.payments.example\n  ports:\n  - name: https\n    number: 443\n    protocol: TLS\n  resolution: STATIC\n  endpoints:\n  - address: 203.0.113.10\n  location: MESH_EXTERNAL\n```\n\nmeshlint reports:\n\n```text\nserviceentries.yaml:12:5: ServiceEntry "payments-api" declares api.payments.example port 443, as ServiceEntry "team-b/payments" does from another namespace (both seen in every namespace): a client\'s proxy uses one of them for the host, its own namespace\'s, else the one istiod picks, and ignores the other\'s endpoints, resolution and location. Keep one ServiceEntry for the host, or export them to different namespaces. [serviceentry-conflict]\nserviceentries.yaml:27:5: ServiceEntry "payments" declares api.payments.example port 443, as ServiceEntry "team-a/payments-api" does from another namespace (both seen in every namespace): a client\'s proxy uses one of them for the host, its own namespace\'s, else the one istiod picks, and ignores the other\'s endpoints, resolution and location. Keep one ServiceEntry for the host, or export them to different namespaces. [serviceentry-conflict]\n```\n\nCorrect (fixtures/serviceentry-conflict/ok-same-namespace-endpoints):\n\n`serviceentries.yaml`:\n\n```yaml\n# Two ServiceEntries of one namespace for one host, port and protocol: istiod merges their\n# endpoints (pilot/pkg/serviceregistry/serviceentry/conversion.go,\n# mergeServicesInstancesByNamespaceHost), so both VMs receive traffic. Kiali reports KIA1211 here.\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: legacy-db-east\n  namespace: data\nspec:\n  hosts:\n  - legacy-db.data.internal\n  ports:\n  - name: tcp-postgres\n    number: 5432\n    protocol: TCP\n  resolution: STATIC\n  location: MESH_INTERNAL\n  endpoints:\n  - address: 10.1.0.10\n---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: legacy-db-west\n  namespace: data\nspec:\n  hosts:\n  - legacy-db.data.internal\n  ports:\n  - name: tcp-postgres\n    number: 5432\n    protocol: TCP\n  resolution: STATIC\n  location: MESH_INTERNAL\n  endpoints:\n  - address: 10.2.0.10\n```\n\nmeshlint reports nothing for this rule.\n\nCorrect (fixtures/serviceentry-conflict/ok-exportto-apart):\n\n`serviceentries.yaml`:\n\n```yaml\n# After istio pkg/config/analysis/analyzers/testdata/serviceentry-conflicting-exportto.yaml (Apache-2.0):\n# each ServiceEntry is visible only in its own namespace, so no client sees both protocols.\n# Kiali reports KIA1212 here (business/checkers/serviceentries/multi_match_checker.go ignores exportTo).\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: se-ns1\n  namespace: ns1\nspec:\n  hosts:\n  - example.com\n  ports:\n  - name: http-8080\n    number: 8080\n    protocol: HTTP\n  resolution: DNS\n  location: MESH_EXTERNAL\n  exportTo:\n  - "."\n---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: se-ns2\n  namespace: ns2\nspec:\n  hosts:\n  - example.com\n  ports:\n  - name: https-8080\n    number: 8080\n    protocol: HTTPS\n  resolution: DNS\n  location: MESH_EXTERNAL\n  exportTo:\n  - "."\n```\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- istio `pilot/pkg/model/sidecar.go` \u2014 a host imported from several namespaces: the client\'s own\n  namespace\'s Service, else the first (`selectServices`\'s "same hostname imported from multiple\n  namespaces"); `appendSidecarServices` keeps the first Service of a host name.\n- istio `pilot/pkg/model/push_context.go` \u2014 `initServiceRegistry`: of several Services for one\n  host in one namespace, the oldest.\n- istio `pilot/pkg/serviceregistry/serviceentry/conversion.go` \u2014\n  `mergeServicesInstancesByNamespaceHost`: ServiceEntries of one namespace and host merge their\n  endpoints.\n- istio `pkg/config/analysis/analyzers/serviceentry/conflictingserviceentries.go` (IST0177).\n\n## Aliases\n\n- `IST0177` (istioctl analyze, `ConflictingServiceEntryProtocol`).\n- `KIA1211`, `KIA1212` (Kiali, `business/checkers/serviceentries/multi_match_checker.go`) \u2014 Kiali\n  ignores `exportTo` and reports ServiceEntries of one namespace that merge; meshlint does not\n  (`ok-exportto-apart`, `ok-same-namespace-endpoints`).\n',
  "sidecar-ineffective": '# sidecar-ineffective\n\n> A Sidecar does not configure the proxies it is meant for: another Sidecar wins for the same pods, the pods run in ambient mode, or an egress host names a Service that does not exist.\n\nDefault severity: **warning**.\n\n## What happens at runtime\n\nistiod gives every sidecar proxy exactly one Sidecar resource of its namespace: those with a\n`workloadSelector` first, then the one without (the namespace default), each group in creation\norder; the first that matches the pod\'s labels wins and the others are ignored for that pod. So:\n\n| message | what happens |\n| --- | --- |\n| `overlappingSelectors` | two Sidecars select the same pod: it gets whichever was created first, which the manifests do not show, and silently loses the other\'s egress hosts, ports or outbound policy |\n| `severalDefaults` | a namespace has several Sidecars without `workloadSelector`: only the first created is the default |\n| `ambientPods`, `ambientNamespace` | the pods run in ambient mode: there is no sidecar proxy to configure, so the Sidecar has no effect |\n| `egressHostUnknown` | an egress host (`namespace/host`) names a Service host (`name.ns.svc.cluster.local`) that no Service or ServiceEntry provides: the entry imports nothing, so a Service it was meant for (a typo) is not in the proxies\' configuration. Reported only where the input declares the host\'s namespace (or is complete); wildcards are never reported |\n\nAn empty `workloadSelector` (`labels: {}`) is a selector that matches every pod, as istiod reads\nit. Ambient pods are reported only where the input shows the data plane (namespace or pod labels),\nnever on an assumed one; pods that are ambient are not counted in overlaps.\n\n## How to fix\n\nKeep one Sidecar per pod: make the selectors disjoint, or merge the Sidecars. Keep one default\nper namespace. For ambient pods, remove the Sidecar; egress and routing settings belong on the\nwaypoint.\n\n## Examples\n\n<!-- examples: overlapping-selectors (sidecars.yaml), ambient (sidecars.yaml), ok-one-sidecar-per-pod -->\n<!-- examples:start -->\n\nIncorrect (fixtures/sidecar-ineffective/overlapping-selectors):\n\n`sidecars.yaml`:\n\n```yaml\n# After istio pkg/config/analysis/analyzers/testdata/sidecar-selector.yaml (Apache-2.0).\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: bookinfo\n  labels:\n    istio-injection: enabled\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ratings\n  namespace: bookinfo\nspec:\n  selector:\n    matchLabels: {app: ratings}\n  template:\n    metadata:\n      labels: {app: ratings, version: v1}\n    spec:\n      containers:\n      - name: ratings\n        image: ratings\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: ratings-egress\n  namespace: bookinfo\nspec:\n  workloadSelector:\n    labels: {app: ratings}\n  egress:\n  - hosts: ["./*"]\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: v1-egress\n  namespace: bookinfo\nspec:\n  workloadSelector:\n    labels: {version: v1}\n  egress:\n  - hosts: ["istio-system/*"]\n```\n\nmeshlint reports:\n\n```text\nsidecars.yaml:31:3: Sidecar "ratings-egress" selects Deployment bookinfo/ratings, which Sidecar "bookinfo/v1-egress" also selects: istiod gives each proxy one Sidecar, the first created, and ignores the others for it. Make the workloadSelectors disjoint, or merge the Sidecars. [sidecar-ineffective]\nsidecars.yaml:42:3: Sidecar "v1-egress" selects Deployment bookinfo/ratings, which Sidecar "bookinfo/ratings-egress" also selects: istiod gives each proxy one Sidecar, the first created, and ignores the others for it. Make the workloadSelectors disjoint, or merge the Sidecars. [sidecar-ineffective]\n```\n\nIncorrect (fixtures/sidecar-ineffective/ambient):\n\n`sidecars.yaml`:\n\n```yaml\n# After istio pkg/config/analysis/analyzers/testdata/sidecar-default-selector.yaml (Apache-2.0).\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio.io/dataplane-mode: ambient\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: cart\n  namespace: shop\nspec:\n  selector:\n    matchLabels: {app: cart}\n  template:\n    metadata:\n      labels: {app: cart}\n    spec:\n      containers:\n      - name: cart\n        image: cart\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: shop\nspec:\n  egress:\n  - hosts: ["./*"]\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: cart\n  namespace: shop\nspec:\n  workloadSelector:\n    labels: {app: cart}\n  outboundTrafficPolicy:\n    mode: REGISTRY_ONLY\n```\n\nmeshlint reports:\n\n```text\nsidecars.yaml:28:9: Sidecar "default" is the default of namespace shop, whose pods run in ambient mode without sidecar proxies: it has no effect. Remove it. [sidecar-ineffective]\nsidecars.yaml:40:3: Sidecar "cart" selects only ambient pods (Deployment shop/cart): they run no sidecar proxy, so it has no effect. Remove it, or move its settings to the waypoint. [sidecar-ineffective]\n```\n\nCorrect (fixtures/sidecar-ineffective/ok-one-sidecar-per-pod):\n\n`sidecars.yaml`:\n\n```yaml\n# One default per namespace, selectors that do not overlap, sidecar pods.\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: bookinfo\n  labels:\n    istio-injection: enabled\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ratings\n  namespace: bookinfo\nspec:\n  selector:\n    matchLabels: {app: ratings}\n  template:\n    metadata:\n      labels: {app: ratings, version: v1}\n    spec:\n      containers:\n      - name: ratings\n        image: ratings\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: reviews\n  namespace: bookinfo\nspec:\n  selector:\n    matchLabels: {app: reviews}\n  template:\n    metadata:\n      labels: {app: reviews, version: v1}\n    spec:\n      containers:\n      - name: reviews\n        image: reviews\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: bookinfo\nspec:\n  egress:\n  - hosts: ["./*"]\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: ratings\n  namespace: bookinfo\nspec:\n  workloadSelector:\n    labels: {app: ratings}\n  egress:\n  - hosts: ["./*", "istio-system/*"]\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: reviews\n  namespace: bookinfo\nspec:\n  workloadSelector:\n    labels: {app: reviews}\n  egress:\n  - hosts: ["./*"]\n```\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- istio `pilot/pkg/model/push_context.go` \u2014 `initSidecarScopes` (selector Sidecars first, by\n  creation time) and `doGetSidecarScope` (the first match wins; a selector-less Sidecar matches\n  every pod).\n- istio `pilot/pkg/model/sidecar.go` \u2014 a Sidecar\'s egress hosts select the services of the\n  registry its proxies import; a host no service provides selects none.\n- istio `manifests/charts/istio-cni/values.yaml` \u2014 ambient enrolment by\n  `istio.io/dataplane-mode` (see src/model/dataplane.ts).\n\n## Aliases\n\n- `IST0110`, `IST0111`, `IST0167` (istioctl analyze, `pkg/config/analysis/analyzers/sidecar/selector.go`)\n  \u2014 istioctl treats `labels: {}` as no selector, which istiod does not. A Sidecar whose selector\n  matches no pod is `IST0101` there and `policy-selects-nothing` here.\n- `KIA0002`, `KIA0003` (Kiali, `business/checkers/common/multi_match_selector_checker.go`):\n  several selector-less Sidecars, several Sidecars for one workload.\n- `KIA1004` (Kiali, `business/checkers/sidecars/egress_listener_checker.go`): an egress host with no\n  matching Service or ServiceEntry. Kiali also reports hosts of namespaces it cannot see; meshlint\n  only those of namespaces the input declares.\n',
  "source-identity-without-mtls": '# source-identity-without-mtls\n\n> An AuthorizationPolicy matches callers by identity (principals, namespaces, service accounts,\n> trust domains) on workloads that receive no mTLS, or a DENY does so on workloads that accept\n> plaintext.\n\nDefault severity: **error**; **warning** for a DENY on workloads that accept plaintext (PERMISSIVE).\n\n## What happens at runtime\n\n`principals`, `namespaces`, `serviceAccounts`, `trustDomains`, their `not*` forms, and the `when`\nkeys `source.principal`, `source.namespace`, `source.serviceAccount` and `source.trustDomain` are\nall read from the caller\'s **mTLS certificate**. Envoy\'s RBAC filter matches them with an\n"authenticated" matcher that fails on a connection without TLS. Without mTLS no caller has an\nidentity, so:\n\n| field | ALLOW rule | DENY rule |\n| --- | --- | --- |\n| `principals`, `namespaces`, `serviceAccounts`, `trustDomains`, `when` `values` | never matches: the rule admits nothing, the callers it names get HTTP 403 (or a reset TCP connection) unless another rule admits them | never matches: the rule denies nothing, the callers it should block get through |\n| `notPrincipals`, `notNamespaces`, `notServiceAccounts`, `notTrustDomains`, `when` `notValues` | matches **every** request: the rule admits everyone who meets its other conditions, the listed callers included | matches **every** request: the rule denies everyone who meets its other conditions \u2014 `notNamespaces: [shop]` denies shop\'s own callers too |\n\n(AUDIT audits nothing or everything; CUSTOM sends nothing or everything to the external\nauthorizer.)\n\nA workload receives no mTLS when:\n\n- it has a **sidecar** and its effective PeerAuthentication (workload, then namespace, then\n  mesh-wide in the root namespace) is **DISABLE**: the sidecar accepts plaintext only, and clients\n  with auto mTLS send plaintext to it. The message names the PeerAuthentication that decides. If the\n  workload\'s own PeerAuthentication turns mTLS back on for some port (`portLevelMtls` STRICT or\n  PERMISSIVE), the workload is not reported;\n- it has **no proxy at all**: no sidecar injected and not enrolled in ambient. Then nothing enforces\n  the policy on it \u2014 requests reach it unchecked \u2014 and this is reported once per policy: for a\n  policy with a selector, whenever it selects such a workload; for a namespace-wide or mesh-wide\n  policy, only when *none* of the workloads it covers has a proxy (a namespace-wide policy also\n  covers pods deliberately kept out of the mesh, such as a batch job with\n  `sidecar.istio.io/inject: "false"`, and that alone is no mistake). meshlint\n  decides "no proxy" only when the workload\'s Namespace object is in the input (its\n  `istio-injection`, `istio.io/rev` and `istio.io/dataplane-mode` labels are known) or the pod opts\n  out of both explicitly (`sidecar.istio.io/inject: "false"` and `istio.io/dataplane-mode: none`).\n  Istio gateways (an `istio: *gateway` label, the `gateway` injection template, Gateway API\n  deployments) run Envoy without a sidecar and are never reported.\n\nA rule by identity on a **sidecar** workload (any action) is also reported when\nthe Envoy clients of one of its Services present **no Istio identity** on a port that is not\nSTRICT: the DestinationRule they use (client namespace, then the Service\'s, then the root\nnamespace, per host and port) sets `tls.mode` **DISABLE** (plaintext), **SIMPLE** (TLS without a\nclient certificate) or **MUTUAL** (the rule\'s own certificate, not the workload identity), or no\nDestinationRule sets a mode while `meshConfig.enableAutoMtls` is false (the client sidecar then\nsends plaintext). The PERMISSIVE pod accepts that traffic, sees no peer identity, and the rule\ndoes not match those clients: an ALLOW refuses them, a DENY lets them through (besides the\nplaintext callers from outside the mesh of the DENY warning below). The message names the clients, the Service and the DestinationRule\n(as a related location). On a STRICT port the same clients are refused outright:\n`tls-mode-conflict` and `automtls-missing-destinationrule` report that.\n\nA **DENY** rule that names callers by identity (`principals`, `namespaces`, `serviceAccounts`,\n`trustDomains`, or `values` of the `source.*` conditions) on a workload in the mesh that accepts\n**plaintext** \u2014 PERMISSIVE from a PeerAuthentication, or no PeerAuthentication at all (Istio\'s\ndefault), on the ports the rule covers \u2014 is reported as a **warning**: a client outside the mesh\n(or a pod without sidecar and not in ambient) presents no identity, so the DENY does not match it\nand it does exactly what the policy forbids. Istio\'s security advisory ISTIO-SECURITY-2021-004 and\nits security best practices ("use ALLOW-with-positive-matching and DENY-with-negative-match\npatterns") warn about this. For ambient workloads the mode is the one istiod sends ztunnel,\nincluding the case where its `convertPeerAuthentication` loses a port-level STRICT (see\n[the README](../../README.md#check-access-will-a-reach-b)); the message says so.\n\nNot reported:\n\n- **PERMISSIVE** (Istio\'s default) for **ALLOW** rules. The sidecar accepts both mTLS and\n  plaintext; mesh callers use mTLS (auto mTLS) and present their identity, so identity rules work\n  for them, and a plaintext caller outside the mesh is matched by nothing \u2014 usually exactly what an\n  ALLOW list intends. Warning here would flag nearly every policy of a default install. (DENY rules\n  are reported, above.) A DestinationRule or auto mTLS that leaves mesh callers without an\n  identity is reported, above.\n- **Ambient** workloads: ztunnel always speaks HBONE mTLS between mesh pods, and PeerAuthentication\n  DISABLE is not supported there.\n- Policies with `targetRefs` (enforced by a waypoint, which receives HBONE mTLS) and dry-run\n  policies (they decide nothing).\n- `connection.sni`: it needs TLS, not mTLS \u2014 a sidecar with DISABLE passes the application\'s own\n  TLS through, and its SNI can match.\n\n## How to fix\n\nTurn mTLS on for the workload (STRICT, or PERMISSIVE while callers migrate):\n\n```yaml\napiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: plaintext\n  namespace: shop\nspec:\n  mtls:\n    mode: STRICT\n```\n\nWhen a DestinationRule sends the callers plaintext, SIMPLE or MUTUAL TLS, set its `tls.mode` to\n`ISTIO_MUTUAL` (or drop its `tls` and let auto mTLS decide); with auto mTLS off, add a\nDestinationRule with `ISTIO_MUTUAL` for the Service. If the callers really are outside the mesh,\nmatch them by `ipBlocks` instead of identity. For a DENY\non a PERMISSIVE workload, make it STRICT, or turn the DENY into an ALLOW with the negative field\n(`notNamespaces: ["sandbox"]` admits only callers that present an identity from another namespace,\nso plaintext callers are refused). For a\nworkload without a proxy, add it to the mesh: label its namespace `istio.io/dataplane-mode=ambient`,\nor `istio-injection=enabled` and restart its pods.\n\n## Options\n\n- `ignoreNamespaces` (string[], default `[]`): AuthorizationPolicies in these namespaces are not\n  checked \u2014 for a namespace known to run without mTLS for a while (a migration), whose findings\n  would only repeat. A mesh-wide policy (in the root namespace) is ignored only when the root\n  namespace is listed.\n\n```yaml\n# .meshlint.yaml\nrules:\n  source-identity-without-mtls: [error, { ignoreNamespaces: [legacy] }]\n```\n\nWith it, the `legacy` namespace\'s policy is silent while the same mistake in `shop` is still\nreported (`fixtures/source-identity-without-mtls/options-ignore-namespaces`,\n`ok-options-ignore-namespaces`).\n\n## Examples\n\n<!-- examples: workload-disable-deny-notnamespaces (policies.yaml), destinationrule-disable-allow-principals (policy.yaml), ok-deny-under-strict (policies.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/source-identity-without-mtls/workload-disable-deny-notnamespaces):\n\n`policies.yaml`:\n\n```yaml\napiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: cart-plaintext\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: cart\n  mtls:\n    mode: DISABLE\n---\n# Meant: deny every caller outside "shop". With no identity, notNamespaces matches every request,\n# so this denies all traffic to cart, including shop\'s own.\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: cart-deny-outsiders\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: cart\n  action: DENY\n  rules:\n  - from:\n    - source:\n        notNamespaces: ["shop"]\n```\n\nAlso in the case, not shown: `workloads.yaml`.\n\nmeshlint reports:\n\n```text\npolicies.yaml:28:9: AuthorizationPolicy "cart-deny-outsiders" matches callers by "notNamespaces", which needs mTLS, but PeerAuthentication shop/cart-plaintext turns mTLS off for Deployment shop/cart, so it matches every caller and this rule denies every request that meets its other conditions, even from "shop". Enable mTLS there, or match callers by ipBlocks. [source-identity-without-mtls]\n```\n\nIncorrect (fixtures/source-identity-without-mtls/destinationrule-disable-allow-principals):\n\n`policy.yaml`:\n\n```yaml\n# From Kiali tests/data/validations/authorization/mtls_enabled_checker_8.yaml (KIA0105): a\n# DestinationRule turns Istio mTLS off toward the namespace\'s Services, so their callers present no\n# identity and the principal never matches.\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: policy\n  namespace: bookinfo\nspec:\n  selector:\n    matchLabels:\n      app: productpage\n  rules:\n  - from:\n    - source:\n        principals: ["cluster.local/ns/bookinfo/sa/bookinfo-gateway"]\n    to:\n    - operation:\n        methods: ["GET"]\n---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: disable-mtls\n  namespace: bookinfo\nspec:\n  host: "*.bookinfo.svc.cluster.local"\n  trafficPolicy:\n    tls:\n      mode: DISABLE\n```\n\nAlso in the case, not shown: `workloads.yaml`.\n\nmeshlint reports:\n\n```text\npolicy.yaml:16:9: AuthorizationPolicy "policy" matches callers by "principals", which needs mTLS, but sidecars and gateways in namespace bookinfo call Service bookinfo/productpage in plaintext (tls.mode DISABLE in DestinationRule bookinfo/disable-mtls): Deployment bookinfo/productpage sees no Istio identity from them, so for them it never matches and this rule admits nothing: its callers get 403 unless another rule admits them. Set tls.mode ISTIO_MUTUAL in DestinationRule bookinfo/disable-mtls (or drop its tls), or match these callers by ipBlocks. [source-identity-without-mtls]\n```\n\nCorrect (fixtures/source-identity-without-mtls/ok-deny-under-strict):\n\n`policies.yaml`:\n\n```yaml\n# STRICT mTLS: every caller presents an identity, so the DENY sees the namespace it runs in.\napiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: default\n  namespace: shop\nspec:\n  mtls:\n    mode: STRICT\n---\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: cart-deny-sandbox\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: cart\n  action: DENY\n  rules:\n  - from:\n    - source:\n        namespaces: ["sandbox"]\n```\n\nAlso in the case, not shown: `workloads.yaml`.\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\nIn each case `workloads.yaml` holds the sidecar-injected namespace `shop` and Deployment\n`shop/cart`. Also correct: fixtures/source-identity-without-mtls/ok-namespace-wide-policy-and-unmeshed-job,\nfixtures/source-identity-without-mtls/ok-ambient-ignores-disable,\nfixtures/source-identity-without-mtls/ok-ingress-gateway.\n\n## Sources\n\n- istio/api `security/v1beta1/authorization_policy.proto` \u2014 `Source.principals`, `namespaces`,\n  `serviceAccounts`, `trustDomains`: "This field requires mTLS enabled".\n- istio `pilot/pkg/security/authz/model/generator.go` \u2014 `srcPrincipalGenerator`,\n  `srcNamespaceGenerator`, `srcServiceAccountGenerator`, `srcTrustDomainGenerator` all build\n  `principalAuthenticated` matchers; `model.go` (`generatePrincipal`) wraps `not*` values in a\n  `not` matcher.\n- Envoy `source/extensions/filters/common/rbac/matchers.cc` \u2014 `AuthenticatedMatcher::matches`\n  returns false when the connection has no TLS.\n- istio `pilot/pkg/security/authn/policy_applier.go` \u2014 `ComposePeerAuthentication` (workload \u2192\n  namespace \u2192 mesh), `InboundMTLSSettings`.\n- istio `pilot/pkg/networking/core/cluster_tls.go` \u2014 auto mTLS sends plaintext to a DISABLE\n  destination; `buildUpstreamTLSSettings`: a DestinationRule\'s DISABLE, SIMPLE or MUTUAL replaces\n  Istio mTLS, and without a mode and without auto mTLS the client sends plaintext.\n- istio `pilot/pkg/model/sidecar.go` and `push_context.go` \u2014 the DestinationRule a client uses\n  (its namespace, the Service\'s, the root namespace).\n- Istio docs, PeerAuthentication reference: in ambient mode "DISABLE mode is not supported" \u2014\n  https://istio.io/latest/docs/reference/config/security/peer_authentication/\n- Injection and enrolment: istio `pkg/kube/inject/webhook.go`, `manifests/charts/istio-cni/values.yaml`.\n- ztunnel `src/rbac.rs` \u2014 its tests (`rbac_test!(namespaces \u2026)`, `principals`, `service_accounts`)\n  show a plaintext connection matching none of the identity fields and every `not*` field;\n  translated in `test/ztunnel-identity.test.ts`.\n- istio `pilot/pkg/serviceregistry/ambient/authorization.go` \u2014 `convertedSelectorPeerAuthentications`\n  and `convertPeerAuthentication`: the mTLS mode ztunnel enforces, with the port-level STRICT that\n  a mesh-wide STRICT loses.\n- Istio security advisory ISTIO-SECURITY-2021-004 \u2014 "These mTLS-only fields will never match when\n  the traffic is plain text" \u2014 https://istio.io/latest/news/security/istio-security-2021-004/;\n  Istio docs, *Security Best Practices* (Mutual TLS; Safer Authorization Policy Patterns) \u2014\n  https://istio.io/latest/docs/ops/best-practices/security/\n\n## Aliases\n\n- `KIA0105` (Kiali, `business/checkers/authorization/mtls_enabled_checker.go`) \u2014 Kiali flags\n  `principals`, `notPrincipals`, `namespaces`, `notNamespaces` and the `source.namespace`,\n  `source.principal` and `connection.sni` conditions when its mTLS status of the policy\'s\n  selector is not "enabled"; it does not look at `serviceAccounts`, `trustDomains` or workloads\n  without a proxy, does not say whether the rule then allows nothing or denies everything, and it\n  flags `connection.sni`, which needs TLS but not mTLS. Kiali compares namespace- and mesh-wide\n  DestinationRules by host pattern only; meshlint follows the rule each client really uses for\n  each Service port of the selected workloads. On a STRICT workload, where Kiali\'s status is\n  "not enabled" without auto mTLS and it reports `KIA0105`, the callers are refused before any\n  policy runs: meshlint reports that as `automtls-missing-destinationrule` or `tls-mode-conflict`.\n',
  "target-port-not-found": '# target-port-not-found\n\n> A Service port sends to a named targetPort that the containers of its pods do not name: those\n> pods are not its endpoints.\n\nDefault severity: **error**.\n\n## What happens at runtime\n\nA Service port\'s `targetPort` may be a number or the **name** of a container port. For a name,\nKubernetes\' EndpointSlice controller looks it up in each selected pod\'s containers; a pod whose\ncontainers declare no port of that name is left out of the port\'s endpoints (the controller logs\n"failed to find port for service"). So when no pod names the port, the Service port has no\nendpoints and every request to it fails (connection refused, or `503 no healthy upstream` from a\nsidecar or waypoint); when only some workloads name it, the others never receive its traffic.\n\nThe rule compares each named `targetPort` with the container ports of the workloads the Service\nselects in the input (Knative workloads, whose ports Knative manages, are left out). It says that\nno backend is left only when the input holds the namespace\'s Namespace object and its pods. A\nnumeric `targetPort` needs no declared container port, so it is not checked.\n\n## How to fix\n\nName the container port as the Service expects (`ports: [{name: http, containerPort: 8080}]`), or\nwrite the number in `targetPort`.\n\n## Examples\n\n<!-- examples: named-target-port-missing (shop.yaml), ok-named-and-numeric-ports (shop.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/target-port-not-found/named-target-port-missing):\n\n`shop.yaml`:\n\n```yaml\n# Kiali KIA0701 (services/port_mapping_checker.go): "cart" names its container port "web", not\n# "http"; "cart-canary" names it "http".\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: cart\n  namespace: shop\nspec:\n  selector:\n    app: cart\n  ports:\n  - name: http\n    port: 80\n    targetPort: http\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: orders\n  namespace: shop\nspec:\n  selector:\n    app: orders\n  ports:\n  - name: grpc\n    port: 9000\n    targetPort: grpc\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: cart\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: cart\n  template:\n    metadata:\n      labels:\n        app: cart\n    spec:\n      containers:\n      - name: cart\n        image: example/cart:1.0\n        ports:\n        - name: web\n          containerPort: 8080\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: cart-canary\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: cart\n      track: canary\n  template:\n    metadata:\n      labels:\n        app: cart\n        track: canary\n    spec:\n      containers:\n      - name: cart\n        image: example/cart:1.1\n        ports:\n        - name: http\n          containerPort: 8080\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: orders\n  template:\n    metadata:\n      labels:\n        app: orders\n    spec:\n      containers:\n      - name: orders\n        image: example/orders:1.0\n        ports:\n        - containerPort: 9000\n```\n\nmeshlint reports:\n\n```text\nshop.yaml:19:17: Service "shop/cart" port 80 sends to targetPort "http", which no container of Deployment shop/cart names: Kubernetes leaves their pods out of that port\'s endpoints, so only Deployment shop/cart-canary serves it. Name the container port "http" there too, or give targetPort its number. [target-port-not-found]\nshop.yaml:32:17: Service "shop/orders" port 9000 sends to targetPort "grpc", which no container of Deployment shop/orders names: Kubernetes lists none of their pods as endpoints of that port, so its requests find no backend. Name the container port "grpc", or give targetPort its number. [target-port-not-found]\n```\n\nCorrect (fixtures/target-port-not-found/ok-named-and-numeric-ports):\n\n`shop.yaml`:\n\n```yaml\n# Every named targetPort is named by the containers; a numeric targetPort needs no declared\n# container port (Kiali KIA0701 reports it anyway).\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: cart\n  namespace: shop\nspec:\n  selector:\n    app: cart\n  ports:\n  - name: http\n    port: 80\n    targetPort: http\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: orders\n  namespace: shop\nspec:\n  selector:\n    app: orders\n  ports:\n  - name: grpc\n    port: 9000\n    targetPort: 9001\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: cart\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: cart\n  template:\n    metadata:\n      labels:\n        app: cart\n    spec:\n      containers:\n      - name: cart\n        image: example/cart:1.0\n        ports:\n        - name: http\n          containerPort: 8080\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: cart-canary\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: cart\n      track: canary\n  template:\n    metadata:\n      labels:\n        app: cart\n        track: canary\n    spec:\n      containers:\n      - name: cart\n        image: example/cart:1.1\n        ports:\n        - name: http\n          containerPort: 8080\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: orders\n  template:\n    metadata:\n      labels:\n        app: orders\n    spec:\n      containers:\n      - name: orders\n        image: example/orders:1.0\n        ports:\n        - containerPort: 9000\n```\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- kubernetes `pkg/api/v1/pod/util.go` \u2014 `FindPort`: a named target port is looked up in the\n  pod\'s container ports; not found is an error.\n- kubernetes `pkg/controller/endpointslice` (`reconciler.go`, via `endpointslice/util`) \u2014 a pod\n  whose port cannot be found is skipped for that Service port.\n- Kubernetes docs, *Service* \u2014 "targetPort \u2026 can also be a string, referring to the name of a\n  port in the backend Pods".\n\n## Aliases\n\n- `KIA0701` (Kiali, `business/checkers/services/port_mapping_checker.go`) \u2014 "Deployment exposing\n  same port as Service not found". Kiali compares the Service\'s ports with the first Deployment\n  whose *own* labels match the selector, and also reports a numeric `targetPort` that no container\n  declares, which works (declaring container ports is informational); meshlint reports only named\n  target ports, for every workload the Service selects.\n',
  "telemetry-conflicts": '# telemetry-conflicts\n\n> Telemetries that compete for the same proxies: several namespace-wide ones in a namespace (istiod uses the oldest), or selectors that pick the same workload (merged by creation time).\n\nDefault severity: **warn**.\n\n## What happens at runtime\n\nA Telemetry without a selector (or with empty `matchLabels`) and without `targetRefs` is its\nnamespace\'s default \u2014 the mesh\'s, in the root namespace. istiod keeps one default per namespace:\nit sorts Telemetries by creation time and takes the first such one; the others are ignored without\na word. Which one wins changes when the older one is re-created (a GitOps sync, a re-install).\n\nA Telemetry with a selector applies to the matching sidecar proxies of its own namespace (a root\nnamespace one to the root namespace\'s, not mesh-wide). When several select one workload, istiod\napplies all of them in creation order, the later one\'s metrics, access logging and tracing\nsettings overriding the earlier one\'s where they configure the same thing. The result again depends\non creation order, which the manifests do not show.\n\nThe rule reports every namespace-wide Telemetry of a namespace that has more than one, at its name,\nand every selecting Telemetry that picks a workload another one picks, at its `selector`. Pods in\nambient mode run no sidecar, so no selecting Telemetry configures them and they are not counted;\nwhere a pod\'s data plane is assumed (its namespace is not in the input), the finding says so.\n\n## How to fix\n\nMerge the namespace-wide Telemetries into one, or give all but one a selector. Merge Telemetries\nthat select the same workloads, or narrow their selectors so each workload has one.\n\n## Examples\n\n<!-- examples: several-namespace-wide (telemetry.yaml), overlapping-selectors (telemetry.yaml), ok-one-default-and-selectors (telemetry.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/telemetry-conflicts/several-namespace-wide):\n\n`telemetry.yaml`:\n\n```yaml\n# Adapted from istio pkg/config/analysis/analyzers/testdata/telemetry-default-selector.yaml (Apache-2.0).\napiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata:\n  name: client-metrics\n  namespace: shop\nspec:\n  metrics:\n  - providers:\n    - name: prometheus\n    overrides:\n    - match:\n        metric: ALL_METRICS\n        mode: CLIENT\n      disabled: true\n---\napiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata:\n  name: access-logs\n  namespace: shop\nspec:\n  selector:\n    matchLabels: {}\n  accessLogging:\n  - providers:\n    - name: envoy\n```\n\nmeshlint reports:\n\n```text\ntelemetry.yaml:5:9: Telemetry "client-metrics" has no selector or targetRefs, nor has Telemetry "shop/access-logs": istiod uses only the oldest of them as namespace shop\'s default and ignores the others, so which metrics, access logs and tracing apply depends on creation order. Merge them into one, or give all but one a selector. [telemetry-conflicts]\ntelemetry.yaml:20:9: Telemetry "access-logs" has no selector or targetRefs, nor has Telemetry "shop/client-metrics": istiod uses only the oldest of them as namespace shop\'s default and ignores the others, so which metrics, access logs and tracing apply depends on creation order. Merge them into one, or give all but one a selector. [telemetry-conflicts]\ntelemetry.yaml:23:3: Telemetry shop/access-logs: spec.selector has no matchLabels, so it selects every workload of the namespace, as no selector would; istiod warns "workload selector specified without labels". Name the labels, or drop the selector [schema]\n```\n\nIncorrect (fixtures/telemetry-conflicts/overlapping-selectors):\n\n`telemetry.yaml`:\n\n```yaml\n# Adapted from istio pkg/config/analysis/analyzers/testdata/telemetry-selector.yaml (Apache-2.0).\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio-injection: enabled\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: ratings\n  namespace: shop\n  labels:\n    app: ratings\n    tier: backend\n---\napiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata:\n  name: ratings-metrics\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: ratings\n  metrics:\n  - providers:\n    - name: prometheus\n---\napiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata:\n  name: backend-metrics\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      tier: backend\n  metrics:\n  - providers:\n    - name: prometheus\n    overrides:\n    - match:\n        metric: REQUEST_COUNT\n      disabled: true\n```\n\nmeshlint reports:\n\n```text\ntelemetry.yaml:24:3: Telemetry "ratings-metrics" selects Pod shop/ratings, as does Telemetry "shop/backend-metrics": istiod applies all of them, the later-created overriding the earlier where they configure the same metrics, access logs or tracing, so the result depends on creation order. Merge them, or make their selectors pick different workloads. [telemetry-conflicts]\ntelemetry.yaml:37:3: Telemetry "backend-metrics" selects Pod shop/ratings, as does Telemetry "shop/ratings-metrics": istiod applies all of them, the later-created overriding the earlier where they configure the same metrics, access logs or tracing, so the result depends on creation order. Merge them, or make their selectors pick different workloads. [telemetry-conflicts]\n```\n\nCorrect (fixtures/telemetry-conflicts/ok-one-default-and-selectors):\n\n`telemetry.yaml`:\n\n```yaml\n# One namespace-wide Telemetry; one attached to a waypoint by targetRefs, which is not namespace-wide;\n# one selecting a workload alone; namespace-wide ones in other namespaces do not compete.\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio-injection: enabled\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: ratings\n  namespace: shop\n  labels:\n    app: ratings\n---\napiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata:\n  name: default\n  namespace: shop\nspec:\n  accessLogging:\n  - providers:\n    - name: envoy\n---\napiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata:\n  name: waypoint-logs\n  namespace: shop\nspec:\n  targetRefs:\n  - group: gateway.networking.k8s.io\n    kind: Gateway\n    name: waypoint\n  accessLogging:\n  - providers:\n    - name: envoy\n---\napiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata:\n  name: ratings-metrics\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: ratings\n  metrics:\n  - providers:\n    - name: prometheus\n---\napiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata:\n  name: mesh-default\n  namespace: istio-system\nspec:\n  tracing:\n  - randomSamplingPercentage: 1\n```\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- istio `pilot/pkg/model/telemetry.go` \u2014 `getTelemetries` (sorted by creation time),\n  `namespaceWideTelemetryConfig` (the first without selector labels and targetRefs),\n  `applicableTelemetries` (the root namespace\'s default, the namespace\'s, then every selecting\n  Telemetry of the proxy\'s namespace, "the latter elements will override the first").\n\n## Aliases\n\n- `IST0160` (istioctl analyze, `pkg/config/analysis/analyzers/telemetry/default_selector.go`) \u2014\n  istioctl counts only Telemetries without a `selector` field: it misses `matchLabels: {}`, which\n  istiod treats as namespace-wide, and counts Telemetries attached by `targetRefs`, which are not.\n- `IST0159` (istioctl analyze, `pkg/config/analysis/analyzers/telemetry/selector.go`). A selector\n  that matches no pod is `IST0101` there and `policy-selects-nothing` here.\n',
  "telemetry-missing-provider": "# telemetry-missing-provider\n\n> A Telemetry's access logging names no provider, and the mesh config has no default access-logging provider: the entry enables no access log and its filter is never applied.\n\nDefault severity: **warn**.\n\n## What happens at runtime\n\nAn `accessLogging` entry of a Telemetry configures the access logs of the providers it names, or,\nwhen it names none, of the mesh config's `defaultProviders.accessLogging`. Istio's default mesh\nconfig has no default access-logging provider, so an entry without providers in such a mesh\nhas no provider of its own: it enables no access log, its `filter` is never applied (istiod keeps a\nfilter only for the providers an entry names; an entry without providers at most repeats the\nproviders of the entries before it), and istiod says nothing. An entry with `disabled: true` turns\nlogging off and needs no provider.\n\nThe rule reports only where the mesh config is known: an `istio` ConfigMap (its `mesh` key) or an\nIstioOperator's `spec.meshConfig` in the input \u2014 every one of them (revisions) without a default\naccess-logging provider \u2014 or `--complete`, where no mesh config in the input means Istio's\ndefault. Otherwise the default providers are unknown and the rule stays silent.\n\n## How to fix\n\nName the provider in the entry (`providers: [{name: envoy}]`, or an `extensionProviders` entry of\nthe mesh config), or set `meshConfig.defaultProviders.accessLogging`.\n\n## Examples\n\n<!-- examples: no-provider (telemetry.yaml, istio.yaml), ok-default-provider (istio.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/telemetry-missing-provider/no-provider):\n\n`telemetry.yaml`:\n\n```yaml\n# Adapted from istio pkg/config/analysis/analyzers/testdata/telemetry-invalid-provider.yaml and\n# telemetry-disable-provider.yaml (Apache-2.0).\napiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata:\n  name: mesh-default\n  namespace: istio-system\nspec:\n  accessLogging:\n  - providers:\n    - name: otel-logs\n  - filter:\n      expression: response.code >= 400\n---\napiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata:\n  name: errors-only\n  namespace: shop\nspec:\n  accessLogging:\n  - providers: []\n    filter:\n      expression: response.code >= 500\n---\napiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata:\n  name: quiet\n  namespace: payments\nspec:\n  accessLogging:\n  - disabled: true\n```\n\n`istio.yaml`:\n\n```yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n  mesh: |-\n    extensionProviders:\n    - name: otel-logs\n      envoyOtelAls:\n        service: otel-collector.observability.svc.cluster.local\n        port: 4317\n```\n\nmeshlint reports:\n\n```text\ntelemetry.yaml:12:5: Telemetry \"mesh-default\" has an access-logging entry that names no provider, and the mesh config (ConfigMap istio-system/istio) sets no meshConfig.defaultProviders.accessLogging: istiod finds no provider for the entry, so it enables no access log of its own and its filter is never applied. Name a provider (e.g. providers: [{name: envoy}]), or set defaultProviders.accessLogging in the mesh config. [telemetry-missing-provider]\ntelemetry.yaml:22:16: Telemetry \"errors-only\" has an access-logging entry that names no provider, and the mesh config (ConfigMap istio-system/istio) sets no meshConfig.defaultProviders.accessLogging: istiod finds no provider for the entry, so it enables no access log of its own and its filter is never applied. Name a provider (e.g. providers: [{name: envoy}]), or set defaultProviders.accessLogging in the mesh config. [telemetry-missing-provider]\n```\n\nCorrect (fixtures/telemetry-missing-provider/ok-default-provider):\n\n`istio.yaml`:\n\n```yaml\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: control-plane\n  namespace: istio-system\nspec:\n  meshConfig:\n    defaultProviders:\n      accessLogging:\n      - envoy\n```\n\nAlso in the case, not shown: `telemetry.yaml`.\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- istio `pilot/pkg/model/telemetry.go` \u2014 `mergeLogs`: an entry without providers takes\n  `mesh.GetDefaultProviders().GetAccessLogging()`; `disabled` entries turn logging off.\n- istio `pkg/config/mesh/mesh.go` \u2014 `DefaultMeshConfig`: `DefaultProviders` is empty.\n\n## Aliases\n\n- `IST0157` (istioctl analyze, `pkg/config/analysis/analyzers/telemetry/providers.go`,\n  InvalidTelemetryProvider) \u2014 reported once per entry here, at the entry.\n",
  "tls-mode-conflict": '# tls-mode-conflict\n\n> A DestinationRule `tls.mode` the destination pods cannot accept: `DISABLE`, `SIMPLE` or `MUTUAL` toward STRICT mTLS workloads, or `ISTIO_MUTUAL` toward pods with mTLS DISABLE or without a sidecar.\n\nDefault severity: **error**.\n\n## What happens at runtime\n\nA `tls` setting in a DestinationRule overrides auto mTLS: the Envoy client (sidecar or Istio\ngateway) that uses the rule originates exactly what it says (`buildUpstreamTLSSettings`), whatever\n`meshConfig.enableAutoMtls` is. Two combinations fail every request (connection reset, 503):\n\n| the rule says | the destination pods | what happens |\n| --- | --- | --- |\n| `DISABLE` (or a `tls` block without `mode`, which is DISABLE \u2014 the enum\'s zero value) | sidecar, STRICT on the target port | the client sends plaintext; the sidecar refuses it |\n| `SIMPLE` | sidecar, STRICT | TLS without a client certificate is not Istio mTLS; the STRICT listener rejects it |\n| `MUTUAL` | sidecar, STRICT | TLS with the rule\'s own certificates instead of the workload\'s Istio identity |\n| `ISTIO_MUTUAL` | sidecar with mTLS DISABLE on the target port, or no sidecar at all | the client sends Istio mTLS; nothing terminates it and the application reads TLS bytes it cannot parse |\n\nFor every Service port whose pods are in the input, the rule finds the DestinationRule each Envoy\nclient uses \u2014 the same istiod lookup as `automtls-missing-destinationrule`: the client\'s namespace,\nthen rules exported from the Service\'s namespace, then from the root namespace; the most specific\nhost within a step; `exportTo`; short hosts resolved in the rule\'s namespace; workload selectors;\nmerged rules keeping the first `trafficPolicy`; a `portLevelSettings` entry for the Service port\nreplacing the top-level TLS \u2014 and compares the TLS mode it decides with what the pods accept on the\ntarget port (PeerAuthentication of the workload, port-level first, then namespace, then mesh).\nClients are the namespaces with sidecar pods, labelled for injection or with an Istio gateway, the\nService\'s namespace, and namespaces holding DestinationRules whose pods are not in the input\n("any Envoy clients in namespace \u2026").\n\nIt reports once per decisive node \u2014 the rule\'s `tls.mode`, its `tls` block, or the\n`portLevelSettings` entry \u2014 listing the Service ports it breaks and the clients that use it.\nRelated locations point at the PeerAuthentication nodes that make the pods STRICT (or DISABLE), with\nthe workloads they cover, and at pods that run without a sidecar.\n\nNot reported:\n\n- **Ambient** destinations: sidecars reach them over HBONE, which is mTLS whatever `tls.mode` says\n  (`DISABLE` and `ISTIO_MUTUAL` both become HBONE; `SIMPLE`/`MUTUAL` are tunnelled inside it), and\n  ztunnel never reads DestinationRules.\n- PERMISSIVE destinations (they take plaintext, and `ISTIO_MUTUAL`).\n- A rule that no client uses for that host: hidden by a more specific host in the same namespace,\n  by a rule in the client\'s own namespace, or not exported to the clients.\n- Services without selector (for instance `kubernetes.default`, the API server) and pods whose\n  namespace the input does not describe (their sidecar status is unknown).\n- A missing `tls` with auto mTLS off: `automtls-missing-destinationrule`.\n\n## How to fix\n\nMake the mode match the destination. For a rule about this very host, change its mode; for a\nwildcard rule, add a rule for the host where the lookup finds it first \u2014 in the wildcard rule\'s\nnamespace (the exact host wins there), or in the Service\'s namespace when the wildcard is a\nroot-namespace default. The suggestion carries the YAML, e.g. the Istio 1.4 docs\' fix for a\nnon-mesh service under a mesh-wide `ISTIO_MUTUAL` default:\n\n```yaml\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: httpbin-legacy\n  namespace: legacy\nspec:\n  host: httpbin.legacy.svc.cluster.local\n  trafficPolicy:\n    tls:\n      mode: DISABLE\n```\n\nWith auto mTLS on, removing `tls` altogether also works: istiod then chooses per endpoint. Or\nchange the destination: PERMISSIVE accepts both.\n\n## Examples\n\nThe Istio 1.4 *Authentication Policy* task, "Policy precedence", without and with its\nDestinationRule for `httpbin`:\n\n<!-- examples: docs-policy-precedence-without-override (mtls.yaml), ok-docs-policy-precedence (mtls.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/tls-mode-conflict/docs-policy-precedence-without-override):\n\n`mtls.yaml`:\n\n```yaml\n# Istio 1.4 docs, Authentication Policy, "Policy precedence": foo is STRICT with a namespace-wide\n# ISTIO_MUTUAL rule, then mTLS is disabled for httpbin alone. Without a DestinationRule that\n# disables TLS for httpbin too, clients keep sending it mTLS.\napiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: default\n  namespace: foo\nspec:\n  mtls:\n    mode: STRICT\n---\napiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: overwrite-example\n  namespace: foo\nspec:\n  selector:\n    matchLabels:\n      app: httpbin\n  mtls:\n    mode: DISABLE\n---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: default\n  namespace: foo\nspec:\n  host: "*.foo.svc.cluster.local"\n  trafficPolicy:\n    tls:\n      mode: ISTIO_MUTUAL\n```\n\nAlso in the case, not shown: `namespaces.yaml`, `workloads.yaml`.\n\nmeshlint reports:\n\n```text\nmtls.yaml:34:13: DestinationRule foo/default (host "*.foo.svc.cluster.local") sets tls.mode ISTIO_MUTUAL for foo/httpbin:8000, whose pods have mTLS DISABLE (PeerAuthentication foo/overwrite-example): sidecars and gateways in namespaces bar and foo send Istio mTLS the application cannot read, and every request fails (503). Use tls.mode DISABLE (or drop tls), or make the pods PERMISSIVE. [tls-mode-conflict]\n```\n\nCorrect (fixtures/tls-mode-conflict/ok-docs-policy-precedence):\n\n`mtls.yaml`:\n\n```yaml\n# Istio 1.4 docs, Authentication Policy, "Policy precedence", with its DestinationRule.\napiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: default\n  namespace: foo\nspec:\n  mtls:\n    mode: STRICT\n---\napiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: overwrite-example\n  namespace: foo\nspec:\n  selector:\n    matchLabels:\n      app: httpbin\n  mtls:\n    mode: DISABLE\n---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: default\n  namespace: foo\nspec:\n  host: "*.foo.svc.cluster.local"\n  trafficPolicy:\n    tls:\n      mode: ISTIO_MUTUAL\n---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: overwrite-example\n  namespace: foo\nspec:\n  host: httpbin.foo.svc.cluster.local\n  trafficPolicy:\n    tls:\n      mode: DISABLE\n```\n\nAlso in the case, not shown: `namespaces.yaml`, `workloads.yaml`.\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\nAlso incorrect: the mesh-wide `*.local` ISTIO_MUTUAL rule with a service without sidecar\n(docs-request-to-non-istio-service; with the docs\' `httpbin-legacy` DISABLE rule:\nok-docs-request-to-non-istio-service), `DISABLE` toward a STRICT namespace\n(disable-toward-strict-namespace), `SIMPLE` on a port entry (simple-on-port-level-toward-strict),\n`tls: {sni: \u2026}` without mode (tls-without-mode-is-disable), a `*.local` DISABLE default in the\nclient namespace (wildcard-disable-in-client-namespace), ISTIO_MUTUAL toward a port-level DISABLE\n(istio-mutual-toward-port-level-disable).\n\nAlso correct: `DISABLE` for the API server (ok-docs-kubernetes-api-server), DISABLE on a port that\nis PERMISSIVE (ok-disable-on-permissive-port), DISABLE toward an ambient pod\n(ok-disable-toward-ambient), a wildcard DISABLE hidden by an exact ISTIO_MUTUAL rule\n(ok-wildcard-disable-hidden-by-specific).\n\n## Sources\n\n- istio `pilot/pkg/networking/core/cluster_tls.go` \u2014 `buildUpstreamTLSSettings` (user TLS wins\n  over auto mTLS), `buildUpstreamClusterTLSContext`, `applyUpstreamTLSSettings`,\n  `applyHBONETransportSocketMatches` (HBONE for ambient endpoints whatever the mode).\n- istio/api `networking/v1alpha3/destination_rule.proto` \u2014 `ClientTLSSettings.TLSmode`, `DISABLE = 0`.\n- istio `pilot/pkg/model/push_context.go`, `destination_rule.go`, `config.go`, `sidecar.go`,\n  `pilot/pkg/networking/util/util.go` \u2014 the lookup, as in `automtls-missing-destinationrule`\n  (`src/mtls/destination-rule.ts`).\n- Istio 1.4 docs, *Authentication Policy* task: "Request from Istio services to non-Istio\n  services", "Request from Istio services to Kubernetes API server", "Policy precedence".\n- Istio docs, *Automatic mutual TLS*: "Destination rule overrides" (ISTIO_MUTUAL toward a\n  plaintext service returns 503).\n\n## Aliases\n\nKiali **KIA0207** ("PeerAuthentication with TLS strict mode found, it should be permissive"),\n**KIA0208** ("PeerAuthentication enabling mTLS found, permissive mode needed"), **KIA0505**\n("Destination Rule disabling namespace-wide mTLS is missing"), **KIA0506** ("Destination Rule\ndisabling mesh-wide mTLS is missing"). Kiali compares mesh- and namespace-wide objects; this rule\nfollows the DestinationRule each client really uses, per host and port, and the workload- and\nport-level PeerAuthentication. Istio\'s retired IST0113 (MTLSPolicyConflict) is similar.\n',
  "undeclared-access": '# undeclared-access\n\n> A hand-written ALLOW policy lets a client reach a server that no ClientIntents of the client names (for teams that keep ClientIntents the single source of truth; off by default).\n\nDefault severity: **off** (a warning once turned on).\n\n## What happens at runtime\n\nNothing breaks: the call works. But a team that declares its calls in Otterize `ClientIntents` relies\non them to know who may call whom (the Otterize network map, the generated policies, reviews of\nintent changes). An AuthorizationPolicy written by hand that admits a client to a server its\nClientIntents do not name grants access Otterize does not know of.\n\nThe rule looks at hand-written selector ALLOW policies (not the ones the operator generates, not\n`targetRefs` policies) when the input holds ClientIntents. For each exact `from.source.principals`\nentry it takes the workloads of the input that run as that identity; for each workload the policy\napplies to, it reports the entry when no ClientIntents of that client names the server (a workload\ntarget, or a Service in front of it) and `meshlint check-access` says this very policy admits the\ncall. Patterns (`*`), namespaces and service accounts are not followed.\n\nIt is off by default: turn it on in `.meshlint.yaml`:\n\n```yaml\nrules:\n  undeclared-access: warn\n```\n\n## How to fix\n\nDeclare the call in the client\'s ClientIntents and drop the entry from the hand-written policy:\n\n```yaml\ntargets:\n- service:\n    name: ledger\n```\n\n## Examples\n\n<!-- examples: undeclared (policy.yaml, .meshlint.yaml), ok-declared (intents.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/undeclared-access/undeclared):\n\n`policy.yaml`:\n\n```yaml\n# Written by hand: checkout reaches ledger, but its ClientIntents only names payments.\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: ledger-callers\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: ledger\n  rules:\n  - from:\n    - source:\n        principals: ["cluster.local/ns/shop/sa/checkout"]\n```\n\n`.meshlint.yaml`:\n\n```yaml\nrules:\n  undeclared-access: warn\n```\n\nAlso in the case, not shown: `intents.yaml`, `workloads.yaml`.\n\nmeshlint reports:\n\n```text\npolicy.yaml:14:22: AuthorizationPolicy "ledger-callers" admits Deployment shop/checkout ("cluster.local/ns/shop/sa/checkout") to Deployment shop/ledger, which no ClientIntents of that client declares: access granted here is invisible to Otterize. Declare the call in the client\'s ClientIntents and drop this entry. [undeclared-access]\n```\n\nCorrect (fixtures/undeclared-access/ok-declared):\n\n`intents.yaml`:\n\n```yaml\napiVersion: k8s.otterize.com/v2beta1\nkind: ClientIntents\nmetadata:\n  name: checkout\n  namespace: shop\nspec:\n  workload:\n    name: checkout\n  targets:\n  - kubernetes:\n      name: payments\n  - service:\n      name: ledger\n```\n\nAlso in the case, not shown: `.meshlint.yaml`, `policy.yaml`, `workloads.yaml`.\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- otterize/intents-operator `src/operator/controllers/istiopolicy/policy_manager.go` \u2014 the policies\n  the operator generates (labelled `intents.otterize.com/service`), which the rule leaves alone.\n- istio `pilot/pkg/security/authz/builder/builder.go` \u2014 an ALLOW policy admits the requests one of\n  its rules matches, which `meshlint check-access` follows.\n\n## Aliases\n\nNone.\n',
  "unknown-http-method": '# unknown-http-method\n\n> An AuthorizationPolicy lists in `methods` a value no HTTP request has: a gRPC method name, a\n> lower-case method, or no method at all.\n\nDefault severity: **warning**.\n\n## What happens at runtime\n\nistiod turns each `methods` (and `notMethods`) value into a matcher on the request\'s `:method`\nheader: `*` matches any method, a leading `*` is a suffix match, a trailing `*` a prefix match, and\nanything else must equal the method exactly, **case included**. Clients send the method in upper\ncase (`GET`, `POST`), and every gRPC call is a `POST` whose gRPC method is in the path\n(`/package.Service/Method`). So a value that is not an HTTP method matches no request:\n\n- in `methods`, the value adds nothing; when it is the only one, the operation matches no request,\n  so an ALLOW rule admits nothing through it and a DENY rule blocks nothing;\n- in `notMethods`, it excludes nothing.\n\nThe rule reports a gRPC method name (`pkg.Service/Method`, with or without the leading `/`), a\nstandard method in the wrong case (`get`), and any other value (or `*` pattern) that matches none\nof the standard methods \u2014 GET, HEAD, POST, PUT, DELETE, CONNECT, OPTIONS, TRACE, PATCH \u2014 nor one\nlisted in the `extraMethods` option. A value with spaces around `*` (`" * "`) is compared as\nwritten, so it matches nothing either.\n\n## How to fix\n\nWrite the method in upper case (`GET`), match gRPC methods with `paths`\n(`paths: ["/grpc.health.v1.Health/Check"]`, with `methods: ["POST"]` if you want to be explicit),\nand list methods beyond the standard ones that your clients really send (WebDAV\'s `PROPFIND`, a\ncache\'s `PURGE`) in `extraMethods`.\n\n## Options\n\n| Option | Type | Default | Meaning |\n| --- | --- | --- | --- |\n| `extraMethods` | string[] | `[]` | Methods beyond the standard ones that clients send (WebDAV\'s `PROPFIND`, a cache\'s `PURGE`). |\n\n```yaml\n# .meshlint.yaml\nrules:\n  unknown-http-method: [warn, { extraMethods: [PURGE] }]\n```\n\n## Examples\n\n<!-- examples: kiali-wrong-methods (policy.yaml), ok-methods-and-wildcards (policy.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/unknown-http-method/kiali-wrong-methods):\n\n`policy.yaml`:\n\n```yaml\n# From Kiali business/checkers/authorization/namespace_method_checker_test.go (KIA0102):\n# TestToMethodWrongHTTP and TestToMethodWildcardWithInvalidStillFlags, plus a lower-case method.\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: api\n  namespace: bookinfo\nspec:\n  selector:\n    matchLabels:\n      app: api\n  rules:\n  - to:\n    - operation:\n        methods: ["GET", "POST", "GOT", "/grpc.package/Method", "grpc.pkg/NoInitialSlash", "get", "GOT*", "*BAD*"]\n  - to:\n    - operation:\n        methods: ["WRONG"]\n---\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: no-deletes\n  namespace: bookinfo\nspec:\n  action: DENY\n  rules:\n  - to:\n    - operation:\n        methods: ["delete"]\n        notMethods: [" * "]\n```\n\nmeshlint reports:\n\n```text\npolicy.yaml:15:34: AuthorizationPolicy "api": "GOT" in "methods" matches no HTTP method (GET, HEAD, POST, PUT, DELETE, CONNECT, OPTIONS, TRACE, PATCH). Use one of those, or list a method your clients do send in the rule\'s extraMethods option. [unknown-http-method]\npolicy.yaml:15:41: AuthorizationPolicy "api": "/grpc.package/Method" in "methods" is a gRPC method, but every gRPC call has the HTTP method POST, so it matches no request. Match the gRPC method by "paths": "/grpc.package/Method". [unknown-http-method]\npolicy.yaml:15:65: AuthorizationPolicy "api": "grpc.pkg/NoInitialSlash" in "methods" is a gRPC method, but every gRPC call has the HTTP method POST, so it matches no request. Match the gRPC method by "paths": "/grpc.pkg/NoInitialSlash". [unknown-http-method]\npolicy.yaml:15:92: AuthorizationPolicy "api": "get" in "methods" never equals a request\'s method, which is compared case-sensitively: clients send "GET". Use "GET". [unknown-http-method]\npolicy.yaml:15:99: AuthorizationPolicy "api": "GOT*" in "methods" matches no HTTP method (GET, HEAD, POST, PUT, DELETE, CONNECT, OPTIONS, TRACE, PATCH). Use one of those, or list a method your clients do send in the rule\'s extraMethods option. [unknown-http-method]\npolicy.yaml:15:107: AuthorizationPolicy "api": "*BAD*" in "methods" matches no HTTP method (GET, HEAD, POST, PUT, DELETE, CONNECT, OPTIONS, TRACE, PATCH). Use one of those, or list a method your clients do send in the rule\'s extraMethods option. [unknown-http-method]\npolicy.yaml:18:19: AuthorizationPolicy "api": "WRONG" in "methods" matches no HTTP method (GET, HEAD, POST, PUT, DELETE, CONNECT, OPTIONS, TRACE, PATCH), so the operation it belongs to matches no request and this rule admits nothing through it. Use one of those, or list a method your clients do send in the rule\'s extraMethods option. [unknown-http-method]\npolicy.yaml:30:19: AuthorizationPolicy "no-deletes": "delete" in "methods" never equals a request\'s method, which is compared case-sensitively: clients send "DELETE", so the operation it belongs to matches no request and this rule denies nothing through it. Use "DELETE". [unknown-http-method]\npolicy.yaml:31:22: AuthorizationPolicy "no-deletes": " * " in "notMethods" matches no HTTP method (GET, HEAD, POST, PUT, DELETE, CONNECT, OPTIONS, TRACE, PATCH), so it excludes nothing. Use one of those, or list a method your clients do send in the rule\'s extraMethods option. [unknown-http-method]\n```\n\nCorrect (fixtures/unknown-http-method/ok-methods-and-wildcards):\n\n`policy.yaml`:\n\n```yaml\n# From Kiali namespace_method_checker_test.go: TestToMethodWildcardPresenceMatch and\n# TestToMethodWildcardPrefixAndSuffix; a gRPC method matched by its path.\n# kiali/kiali#10183 and #10188: Kiali rejected the prefix and suffix wildcards of methods.\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: api\n  namespace: bookinfo\nspec:\n  rules:\n  - to:\n    - operation:\n        methods: ["*", "GET", "PUT", "GET*", "G*", "*ET", "*POST", "PATCH", "HEAD", "OPTIONS", "DELETE", "CONNECT", "TRACE"]\n  - to:\n    - operation:\n        methods: ["POST"]\n        paths: ["/grpc.health.v1.Health/Check"]\n        notMethods: ["DELETE"]\n```\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- istio `pilot/pkg/security/authz/model/generator.go` \u2014 `methodGenerator`: `methods` match the\n  `:method` header.\n- istio `pilot/pkg/security/authz/matcher/header.go` \u2014 `HeaderMatcher`: `*` presence, leading `*`\n  suffix, trailing `*` prefix, otherwise exact (case-sensitive).\n- istio/api `security/v1beta1/authorization_policy.proto` \u2014 `Operation.methods`: "For gRPC service,\n  this will always be POST".\n- RFC 9110 section 9 (methods are case-sensitive; the standard methods), RFC 5789 (PATCH).\n\n## Aliases\n\n- `KIA0102` (Kiali, `business/checkers/authorization/namespace_method_checker.go`) \u2014 Kiali flags a\n  value that is not one of the nine standard methods or a `*` pattern of one. It upper-cases the\n  value first and trims spaces, so it accepts `get` and `" * "`, which never match; it does not\n  look at `notMethods`, and has no way to allow a custom method.\n',
  "unknown-namespace": '# unknown-namespace\n\n> An AuthorizationPolicy names a source namespace (`namespaces`, `notNamespaces`,\n> `when: source.namespace`), or a ReferenceGrant a `from` namespace, that the input does not\n> declare.\n\nDefault severity: **error**.\n\n## What happens at runtime\n\n`from.source.namespaces` and the `source.namespace` condition match the namespace segment of the\ncaller\'s mTLS identity (`<trust domain>/ns/<namespace>/sa/<account>`). A namespace that does not\nexist has no workload, so no caller ever presents it:\n\n| where | consequence |\n| --- | --- |\n| `namespaces` / `values` of an ALLOW rule | the entry admits no caller; if it was the only one, the callers it was meant for are refused (HTTP 403, or a reset TCP connection) |\n| `namespaces` / `values` of a DENY rule | the entry denies no caller: the traffic it should block gets through |\n| `notNamespaces` / `notValues` | the exclusion excludes nobody (in a DENY rule, it spares no caller) |\n\nA **ReferenceGrant** (Gateway API) lets routes (or other kinds) of its `from` namespaces refer to\nobjects of its own namespace. A `from` namespace that does not exist holds no route, so the grant\nlets nothing through, and the routes it was meant for \u2014 those of the namespace the author had in\nmind \u2014 stay refused (`ResolvedRefs=False`, `RefNotPermitted`; gateway-api-route-references\nreports those routes where the input holds them).\n\nUsually this is a typo (`wbe` for `web`) or a namespace that was renamed or removed. Patterns are\nhonoured as Envoy reads them: `*` (any namespace), `prefix*`, `*suffix`, and \u2014 for Envoy, which\nturns every `*` into `.*` \u2014 an inner `*`; a pattern is reported only when it matches none of the\nnamespaces.\n\n**Closed world only where we know it.** Whether a namespace exists is a fact about the cluster,\nand a partial tree says nothing about the namespaces it does not mention. meshlint reports only when\nthe input *lists its namespaces*: it contains Namespace objects, and every namespace that any of\nits resources lives in has one. Kubernetes\' own namespaces (`default`, `kube-system`,\n`kube-public`, `kube-node-lease`) and the mesh root namespace (`istio-system` unless\n`meshConfig.rootNamespace` says otherwise) exist in every Istio cluster: they are always known and\nneed not be declared. A tree that puts a resource into a namespace it does not declare gives no\nfinding at all. If a namespace is created outside the tree (for example by `helm install\n--create-namespace`), declare it with a Namespace manifest or name it in the `knownNamespaces`\noption.\n\nThe message suggests the closest declared namespace (within two edits), or lists the declared ones.\n\n## How to fix\n\nName a namespace that exists, or remove the entry:\n\n```yaml\nrules:\n- from:\n  - source:\n      namespaces: ["shop", "web"]\n```\n\n## Options\n\n| option | default | meaning |\n| --- | --- | --- |\n| `knownNamespaces` | `[]` | Namespaces that exist although the input does not declare them: created by `helm install --create-namespace`, or by another team\'s tree. A resource in one does not make the tree partial, and a policy may name it. |\n| `ignoreNamespaces` | `[]` | AuthorizationPolicies and ReferenceGrants in these namespaces are not checked. |\n\n```yaml\n# .meshlint.yaml\nrules:\n  unknown-namespace: [error, { knownNamespaces: [payments, monitoring], ignoreNamespaces: [sandbox] }]\n```\n\nSee `fixtures/unknown-namespace/options-known-namespaces`, `ok-options-known-namespaces` and\n`options-ignore-namespaces`.\n\n## Examples\n\n<!-- examples: typo-in-namespaces (namespaces.yaml, policy.yaml), reference-grant-from-namespace (grants.yaml), ok-patterns-and-builtin-namespaces (policy.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/unknown-namespace/typo-in-namespaces):\n\n`namespaces.yaml`:\n\n```yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio-injection: enabled\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: web\n  labels:\n    istio-injection: enabled\n```\n\n`policy.yaml`:\n\n```yaml\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: cart-callers\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: cart\n  action: ALLOW\n  rules:\n  - from:\n    - source:\n        namespaces: ["shop", "wbe"]\n---\n# notNamespaces naming a namespace that is gone: the exclusion excludes nobody.\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: deny-outsiders\n  namespace: shop\nspec:\n  action: DENY\n  rules:\n  - from:\n    - source:\n        notNamespaces: ["shop", "web", "legacy-batch"]\n```\n\nmeshlint reports:\n\n```text\npolicy.yaml:14:30: AuthorizationPolicy "cart-callers" names namespace "wbe", which is not a namespace the input declares (it declares every namespace it uses): in "namespaces" it admits no caller. Did you mean "web"? [unknown-namespace]\npolicy.yaml:27:40: AuthorizationPolicy "deny-outsiders" names namespace "legacy-batch", which is not a namespace the input declares (it declares every namespace it uses): in "notNamespaces" it spares no caller from this DENY rule. Use one it declares ("shop", "web"), or declare the namespace. [unknown-namespace]\n```\n\nIncorrect (fixtures/unknown-namespace/reference-grant-from-namespace):\n\n`grants.yaml`:\n\n```yaml\n# Kiali KIA1601 (k8sreferencegrants/namespace_checker.go): a from namespace that does not exist.\napiVersion: gateway.networking.k8s.io/v1beta1\nkind: ReferenceGrant\nmetadata:\n  name: web-routes\n  namespace: shop\nspec:\n  from:\n  - group: gateway.networking.k8s.io\n    kind: HTTPRoute\n    namespace: wbe\n  - group: gateway.networking.k8s.io\n    kind: HTTPRoute\n    namespace: web\n  - group: gateway.networking.k8s.io\n    kind: GRPCRoute\n    namespace: partners\n  to:\n  - group: ""\n    kind: Service\n```\n\nAlso in the case, not shown: `namespaces.yaml`.\n\nmeshlint reports:\n\n```text\ngrants.yaml:11:16: ReferenceGrant "web-routes" lets HTTPRoutes of namespace "wbe" refer to objects of namespace shop, but "wbe" is not a namespace the input declares (it declares every namespace it uses): the grant lets no existing route through, so the routes it was meant for stay refused (ResolvedRefs=False, RefNotPermitted). Did you mean "web"? [unknown-namespace]\ngrants.yaml:17:16: ReferenceGrant "web-routes" lets GRPCRoutes of namespace "partners" refer to objects of namespace shop, but "partners" is not a namespace the input declares (it declares every namespace it uses): the grant lets no existing route through, so the routes it was meant for stay refused (ResolvedRefs=False, RefNotPermitted). Use one it declares ("shop", "web"), or declare the namespace. [unknown-namespace]\n```\n\nCorrect (fixtures/unknown-namespace/ok-patterns-and-builtin-namespaces):\n\n`policy.yaml`:\n\n```yaml\n# The root namespace and Kubernetes\' own namespaces exist in every cluster; patterns match by\n# prefix, suffix or presence.\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: cart-callers\n  namespace: shop\nspec:\n  rules:\n  - from:\n    - source:\n        namespaces: ["istio-system", "kube-system", "we*", "*op", "*"]\n  - when:\n    - key: source.namespace\n      notValues: ["default"]\n```\n\nAlso in the case, not shown: `namespaces.yaml`.\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\nThe clean case declares the same namespaces `shop` and `web`. Not reported because the input does\nnot list its namespaces: fixtures/unknown-namespace/ok-partial-tree,\nfixtures/unknown-namespace/ok-namespaces-not-all-declared.\n\n## Sources\n\n- istio `pilot/pkg/security/authz/model/generator.go` \u2014 `srcNamespaceGenerator`: a namespace\n  value becomes the regex `.*/ns/<value with * as .*>/.*` over the peer identity.\n- istio `pilot/pkg/serviceregistry/ambient/authorization.go` \u2014 `stringToMatch` (ztunnel: exact,\n  prefix, suffix, presence).\n- istio/api `security/v1beta1/authorization_policy.proto` \u2014 `Source.namespaces`: "derived from the\n  peer certificate".\n- Gateway API `apis/v1beta1/referencegrant_types.go` \u2014 `ReferenceGrantFrom.namespace`: the\n  namespace of the referents allowed; istio `pilot/pkg/config/kube/gateway/conditions.go`\n  (`RefNotPermitted` for a reference no grant permits).\n\n## Aliases\n\n- `IST0101` (istioctl analyze, ReferencedResourceNotFound,\n  `pkg/config/analysis/analyzers/authz/authorizationpolicies.go`, `analyzeNamespaceNotFound`) \u2014\n  istioctl compares `namespaces` and `notNamespaces` with the Namespace objects it sees, without\n  deciding whether its input lists all of them, so run on files alone it reports every namespace\n  the files do not declare, `istio-system` included. It does not check `when: source.namespace`\n  and compares case-insensitively (Envoy does not).\n- `KIA0101` (Kiali, `business/checkers/authorization/namespace_method_checker.go`) \u2014 Kiali knows\n  the cluster\'s namespaces; it checks only `namespaces` (not `notNamespaces` nor\n  `source.namespace`) and treats an inner `*` as a literal.\n- `KIA1601` (Kiali, `business/checkers/k8sreferencegrants/namespace_checker.go`) \u2014 Kiali compares\n  each ReferenceGrant `from` namespace with the cluster\'s namespaces; meshlint does so when the\n  input lists its namespaces.\n',
  "unreachable-route": '# unreachable-route\n\n> A VirtualService route or match is never used: an earlier route of the same VirtualService takes every request it would match.\n\nDefault severity: **warning**.\n\n## What happens at runtime\n\nistiod turns a VirtualService\'s `http` rules into Envoy routes in the order written, one route\nper `match`, and Envoy uses the **first route that matches**; a rule without `match` (or with a\ncatch-all `prefix: /`) takes everything, and istiod drops the rules after it. `tcp` rules become\nfilter chains the same way: a `tcp` match without `destinationSubnets` ends the chains of its\nport. A later route or match that only accepts what an earlier one already takes is never used:\nits destination, retries, rewrites or faults never apply, usually not what its author meant.\n\nA match takes every request of another when each of its conditions is implied by the other\'s:\n\n| condition | the earlier match takes the later one\'s requests when |\n| --- | --- |\n| `uri`, `method`, `scheme`, `authority`, `headers`, `queryParams` | absent in the earlier match; or the same `exact` value; or an earlier `prefix` the later `exact`/`prefix` value starts with; or the same `regex`; a header `{}` (or `regex: "*"`) is a presence test that any value satisfies |\n| `ignoreUriCase` | the earlier match ignores case, or the later value has no letters |\n| `withoutHeaders` | the later match excludes at least the same values of the same header |\n| `port`, `sourceLabels`, `sourceNamespace`, `gateways` | the earlier match applies on every proxy and port the later one does (for `http`, a match\'s `gateways` replace its `sourceLabels` and `sourceNamespace`, as istiod\'s `sourceMatchHTTP` does) |\n\nWhat is not proven is not reported: two different regexes, an earlier rule that `delegate`s (the\ndelegate VirtualService may take only part of its requests, the rest falls through), fields\nmeshlint does not model. `tls` filter chains are chosen by the most specific SNI rather than by\norder, so a `tls` match is reported only when an earlier one has the same SNI hosts and subnets\nand applies wherever it does (istiod then skips it).\n\nA rule none of whose matches can be reached is reported once (`unreachableRoute`); otherwise each\nshadowed match (`ineffectiveMatch`), and a match that an earlier match of the same rule already\ncovers (`redundantMatch`, harmless but dead).\n\n`istioctl analyze` (IST0130, IST0131) compares only identical matches and pairs of `prefix`\nmatches, and fills in `GET` for a match without `method`: it reports a rule after a `method: GET`\nrule of the same prefix as shadowed, though every other method reaches it. meshlint does not.\n\n## How to fix\n\nPut the more specific route first (a longer prefix, a header or method condition), or remove the\ndead route or match.\n\n## Examples\n\n<!-- examples: shadowed-routes, tcp-and-tls, ok-narrower-first -->\n<!-- examples:start -->\n\nIncorrect (fixtures/unreachable-route/shadowed-routes):\n\n`virtualservice.yaml`:\n\n```yaml\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\n  namespace: shop\nspec:\n  hosts:\n  - reviews\n  http:\n  - name: api\n    match:\n    - uri:\n        prefix: /api\n    route:\n    - destination:\n        host: reviews\n        subset: v1\n  - name: api-v2\n    match:\n    - uri:\n        prefix: /api/v2\n      headers:\n        x-canary:\n          exact: "true"\n    route:\n    - destination:\n        host: reviews\n        subset: v2\n  - name: static\n    match:\n    - uri:\n        prefix: /API/static\n      ignoreUriCase: true\n    - uri:\n        prefix: /static\n    - uri:\n        exact: /static/index.html\n      method:\n        exact: GET\n    - uri:\n        prefix: /api/static\n    route:\n    - destination:\n        host: reviews\n        subset: v3\n  - route:\n    - destination:\n        host: reviews\n        subset: v1\n  - name: health\n    match:\n    - uri:\n        exact: /healthz\n    route:\n    - destination:\n        host: reviews\n        subset: v2\n```\n\nmeshlint reports:\n\n```text\nvirtualservice.yaml:19:5: VirtualService "reviews" http[1] ("api-v2") is never used: every request it matches is taken first by match[0] of http[0] ("api"), since the proxy uses the first route that matches. Move it before http[0] ("api"), or remove it. [unreachable-route]\nvirtualservice.yaml:36:7: VirtualService "reviews" http[2] ("static") match[2] adds nothing: its match[1] already matches every request it does. Remove it. [unreachable-route]\nvirtualservice.yaml:40:7: VirtualService "reviews" http[2] ("static") match[3] is never used: every request it matches is taken first by match[0] of http[0] ("api"), since the proxy uses the first route that matches. Move the route before http[0] ("api"), or remove the match. [unreachable-route]\nvirtualservice.yaml:51:5: VirtualService "reviews" http[4] ("health") is never used: every request it matches is taken first by http[3], which has no match, since the proxy uses the first route that matches. Move it before http[3], or remove it. [unreachable-route]\n```\n\nIncorrect (fixtures/unreachable-route/tcp-and-tls):\n\n`virtualservice.yaml`:\n\n```yaml\n# Adapted from istio pkg/config/analysis/analyzers/testdata/virtualservice_dupmatches.yaml (Apache-2.0).\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: tcp-echo\n  namespace: echo\nspec:\n  hosts:\n  - "*"\n  gateways:\n  - tcp-echo-gateway\n  tcp:\n  - match:\n    - port: 31400\n    route:\n    - destination:\n        host: tcp-echo\n        port:\n          number: 9000\n        subset: v1\n  - match:\n    - port: 31400\n      sourceLabels:\n        app: sleep\n    - port: 31401\n    route:\n    - destination:\n        host: tcp-echo\n        port:\n          number: 9000\n        subset: v2\n  - route:\n    - destination:\n        host: tcp-echo\n        port:\n          number: 9000\n  - route:\n    - destination:\n        host: tcp-echo\n        port:\n          number: 9001\n---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: external-tls\n  namespace: echo\nspec:\n  hosts:\n  - www.example.com\n  tls:\n  - match:\n    - port: 443\n      sniHosts:\n      - www.example.com\n    route:\n    - destination:\n        host: www.example.com\n  - match:\n    - port: 443\n      sniHosts:\n      - www.example.com\n    route:\n    - destination:\n        host: mirror.example.com\n```\n\nmeshlint reports:\n\n```text\nvirtualservice.yaml:22:7: VirtualService "tcp-echo" tcp[1] match[0] is never used: every connection it matches is taken first by match[0] of tcp[0], since the proxy uses the first route that matches. Move the route before tcp[0], or remove the match. [unreachable-route]\nvirtualservice.yaml:37:5: VirtualService "tcp-echo" tcp[3] is never used: every connection it matches is taken first by tcp[2], which has no match, since the proxy uses the first route that matches. Move it before tcp[2], or remove it. [unreachable-route]\nvirtualservice.yaml:59:5: VirtualService "external-tls" tls[1] is never used: every connection it matches is taken first by match[0] of tls[0], since the proxy uses the first route that matches. Move it before tls[0], or remove it. [unreachable-route]\n```\n\nCorrect (fixtures/unreachable-route/ok-narrower-first):\n\n`virtualservice.yaml`:\n\n```yaml\n# Every later match here takes requests the earlier ones do not.\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\n  namespace: shop\nspec:\n  hosts:\n  - reviews\n  http:\n  # GET only: other methods of /api/products reach the next rule (istioctl reports it as shadowed).\n  - match:\n    - uri:\n        prefix: /api/products\n      method:\n        exact: GET\n    route:\n    - destination:\n        host: reviews\n        subset: v1\n  - match:\n    - uri:\n        prefix: /api/products\n    route:\n    - destination:\n        host: reviews\n        subset: v2\n  # A longer prefix first, then a shorter one.\n  - match:\n    - uri:\n        prefix: /static/images\n    route:\n    - destination:\n        host: reviews\n        subset: v1\n  - match:\n    - uri:\n        prefix: /static\n    route:\n    - destination:\n        host: reviews\n        subset: v2\n  # Case-sensitive first: /Docs reaches the second.\n  - match:\n    - uri:\n        prefix: /docs\n    route:\n    - destination:\n        host: reviews\n        subset: v1\n  - match:\n    - uri:\n        prefix: /docs\n      ignoreUriCase: true\n    route:\n    - destination:\n        host: reviews\n        subset: v2\n  # A regex is not compared with other matchers.\n  - match:\n    - uri:\n        regex: /v[0-9]+/.*\n    route:\n    - destination:\n        host: reviews\n        subset: v1\n  - match:\n    - uri:\n        prefix: /v1/\n    route:\n    - destination:\n        host: reviews\n        subset: v2\n  # A header without value is a presence test: a request without it goes on.\n  - match:\n    - headers:\n        x-debug: {}\n    route:\n    - destination:\n        host: reviews\n        subset: v1\n  - match:\n    - withoutHeaders:\n        x-debug: {}\n      port: 9080\n    route:\n    - destination:\n        host: reviews\n        subset: v2\n  - route:\n    - destination:\n        host: reviews\n        subset: v3\n```\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- istio `pilot/pkg/networking/core/route/route.go` \u2014 `BuildHTTPRoutesForVirtualService` (routes\n  in order, stop at a catch-all), `TranslateRouteMatch` (headers, presence tests, prefix and case),\n  `sourceMatchHTTP` and `TranslateRoute` (port, gateways, source labels and namespace).\n- istio `pilot/pkg/networking/core/tls.go` \u2014 `matchTCP`, `matchTLS`, the tcp catch-all and the\n  tls `matchHasBeenHandled` de-duplication.\n- istio `pkg/config/validation/validation.go` \u2014 `analyzeUnreachableHTTPRules` and\n  `coveredValidation`, what istioctl reports.\n\n## Aliases\n\n- `IST0130` (istioctl analyze, VirtualServiceUnreachableRule, from istiod\'s validation warnings) \u2014\n  `unreachableRoute`.\n- `IST0131` (VirtualServiceIneffectiveMatch) \u2014 `ineffectiveMatch` and `redundantMatch`.\n',
  "use-waypoint-references": "# use-waypoint-references\n\n> istio.io/use-waypoint on a workload, Service or namespace names a waypoint the input does not\n> hold, or one that does not serve that traffic: istiod binds no waypoint, so the traffic skips it.\n\nDefault severity: **warning**.\n\n## What happens at runtime\n\n`istio.io/use-waypoint: <name>` (with `istio.io/use-waypoint-namespace` for a waypoint of another\nnamespace) on a Service, a pod or a namespace tells istiod which waypoint carries that traffic.\nistiod looks the waypoint up by namespace and name:\n\n- **Not found**: istiod binds no waypoint (its status says \"waypoint is not ready\"), so ambient\n  clients send the traffic straight to the pods through ztunnel. The AuthorizationPolicies,\n  routes and telemetry attached to the waypoint do not apply to it. A label on the Service or pod\n  itself is not backed up by its namespace's: istiod does not fall back to the namespace's waypoint.\n- **Wrong traffic type**: a waypoint serves Service traffic (`istio.io/waypoint-for: service`,\n  the default), workload traffic (`workload`), `all` or `none`. A Service (or a namespace, for its\n  Services) bound to a waypoint that takes no Service traffic, or a pod that names a waypoint that\n  takes no workload traffic, gets no waypoint, and istiod reports the unsupported traffic type.\n  (A pod that only inherits its namespace's service waypoint is left unbound without error, and\n  the rule leaves it alone.)\n\nThe rule reports a missing waypoint only in a namespace the input holds (`Namespace` object or\nother objects there): elsewhere, the waypoint may well exist. A waypoint created outside the\nmanifests (`istioctl waypoint apply`) is not in the input; add it, or silence the finding with\n`meshlint.io/ignore`.\n\n## How to fix\n\nFix the name, or create the waypoint:\n\n```sh\nistioctl waypoint apply -n shop --name waypoint\n```\n\nFor the traffic type, label the waypoint `istio.io/waypoint-for: all`, or name a waypoint that\nserves that traffic.\n\n## Examples\n\n<!-- examples: not-found (workloads.yaml), wrong-traffic-type (workloads.yaml), ok-waypoints-serve-them (workloads.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/use-waypoint-references/not-found):\n\n`workloads.yaml`:\n\n```yaml\n# Kiali KIA1313 (TestWorkloadReferencesNonExistentWaypoint): each label names a waypoint that the\n# input's namespaces do not hold.\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio.io/dataplane-mode: ambient\n    istio.io/use-waypoint: waypoint\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: mesh\n  labels:\n    istio.io/dataplane-mode: ambient\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: cart\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: cart\n  template:\n    metadata:\n      labels:\n        app: cart\n        istio.io/use-waypoint: cart-waypoint\n    spec:\n      containers:\n      - name: cart\n        image: example/cart:1.0\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: orders\n  namespace: shop\n  labels:\n    istio.io/use-waypoint: orders-waypoint\n    istio.io/use-waypoint-namespace: mesh\nspec:\n  selector:\n    app: orders\n  ports:\n  - name: http\n    port: 8080\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: orders\n  template:\n    metadata:\n      labels:\n        app: orders\n    spec:\n      containers:\n      - name: orders\n        image: example/orders:1.0\n```\n\nmeshlint reports:\n\n```text\nworkloads.yaml:9:28: Namespace shop names waypoint shop/waypoint (istio.io/use-waypoint), but namespace shop has no Gateway \"waypoint\": istiod binds no waypoint, so traffic to its Services reaches the pods through ztunnel alone, and no policy or route attached to a waypoint applies to it. Fix the name, or create the waypoint (istioctl waypoint apply -n shop --name waypoint). [use-waypoint-references]\nworkloads.yaml:31:32: Deployment shop/cart names waypoint shop/cart-waypoint (istio.io/use-waypoint), but namespace shop has no Gateway \"cart-waypoint\": istiod binds no waypoint, so traffic addressed to its pods reaches the pods through ztunnel alone, and no policy or route attached to a waypoint applies to it. Its own label overrides namespace shop's istio.io/use-waypoint, so the namespace's waypoint does not serve it either. Fix the name, or create the waypoint (istioctl waypoint apply -n shop --name cart-waypoint). [use-waypoint-references]\nworkloads.yaml:43:28: Service shop/orders names waypoint mesh/orders-waypoint (istio.io/use-waypoint), but namespace mesh has no Gateway \"orders-waypoint\": istiod binds no waypoint, so traffic to the Service reaches the pods through ztunnel alone, and no policy or route attached to a waypoint applies to it. Its own label overrides namespace shop's istio.io/use-waypoint, so the namespace's waypoint does not serve it either. Fix the name, or create the waypoint (istioctl waypoint apply -n mesh --name orders-waypoint). [use-waypoint-references]\n```\n\nIncorrect (fixtures/use-waypoint-references/wrong-traffic-type):\n\n`workloads.yaml`:\n\n```yaml\n# A waypoint for Service traffic named by a pod, one for workload traffic named by a Service.\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio.io/dataplane-mode: ambient\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: service-waypoint\n  namespace: shop\nspec:\n  gatewayClassName: istio-waypoint\n  listeners:\n  - name: mesh\n    port: 15008\n    protocol: HBONE\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: pod-waypoint\n  namespace: shop\n  labels:\n    istio.io/waypoint-for: workload\nspec:\n  gatewayClassName: istio-waypoint\n  listeners:\n  - name: mesh\n    port: 15008\n    protocol: HBONE\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: cart\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: cart\n  template:\n    metadata:\n      labels:\n        app: cart\n        istio.io/use-waypoint: service-waypoint\n    spec:\n      containers:\n      - name: cart\n        image: example/cart:1.0\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: orders\n  namespace: shop\n  labels:\n    istio.io/use-waypoint: pod-waypoint\nspec:\n  selector:\n    app: orders\n  ports:\n  - name: http\n    port: 8080\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: orders\n  template:\n    metadata:\n      labels:\n        app: orders\n    spec:\n      containers:\n      - name: orders\n        image: example/orders:1.0\n```\n\nmeshlint reports:\n\n```text\nworkloads.yaml:48:32: Deployment shop/cart names waypoint shop/service-waypoint (istio.io/use-waypoint), but it serves only service traffic (the default without istio.io/waypoint-for): istiod binds no waypoint, so traffic addressed to its pods reaches the pods through ztunnel alone, and no policy or route attached to the waypoint applies to it. Label the waypoint istio.io/waypoint-for: all, or name a waypoint for workload traffic. [use-waypoint-references]\nworkloads.yaml:60:28: Service shop/orders names waypoint shop/pod-waypoint (istio.io/use-waypoint), but it serves only workload traffic (istio.io/waypoint-for: workload): istiod binds no waypoint, so traffic to the Service reaches the pods through ztunnel alone, and no policy or route attached to the waypoint applies to it. Label the waypoint istio.io/waypoint-for: all, or name a waypoint for service traffic. [use-waypoint-references]\n```\n\nCorrect (fixtures/use-waypoint-references/ok-waypoints-serve-them):\n\n`workloads.yaml`:\n\n```yaml\n# The namespace's waypoint serves Service traffic only: istiod leaves pods without a label of their\n# own unbound, without error. cart's pods name a waypoint for all traffic; orders opts out.\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio.io/dataplane-mode: ambient\n    istio.io/use-waypoint: waypoint\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: waypoint\n  namespace: shop\nspec:\n  gatewayClassName: istio-waypoint\n  listeners:\n  - name: mesh\n    port: 15008\n    protocol: HBONE\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: all-waypoint\n  namespace: shop\n  labels:\n    istio.io/waypoint-for: all\nspec:\n  gatewayClassName: istio-waypoint\n  listeners:\n  - name: mesh\n    port: 15008\n    protocol: HBONE\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: cart\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: cart\n  template:\n    metadata:\n      labels:\n        app: cart\n        istio.io/use-waypoint: all-waypoint\n    spec:\n      containers:\n      - name: cart\n        image: example/cart:1.0\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: cart\n  namespace: shop\nspec:\n  selector:\n    app: cart\n  ports:\n  - name: http\n    port: 8080\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: orders\n  namespace: shop\n  labels:\n    istio.io/use-waypoint: none\nspec:\n  selector:\n    app: orders\n  ports:\n  - name: http\n    port: 8080\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: orders\n  template:\n    metadata:\n      labels:\n        app: orders\n    spec:\n      containers:\n      - name: orders\n        image: example/orders:1.0\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: example/web:1.0\n```\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- istio `pilot/pkg/serviceregistry/ambient/waypoints.go` \u2014 `fetchWaypointForTarget` (the object's\n  own label, else its namespace's; a waypoint not found binds nothing, `ReportWaypointIsNotReady`;\n  attachment from other namespaces), `fetchWaypointForService` and `fetchWaypointForWorkload`\n  (the traffic type, `ReportWaypointUnsupportedTrafficType`; none for a pod that only inherits its\n  namespace's label), `GetUseWaypoint` (`none`, `istio.io/use-waypoint-namespace`).\n- istio `pilot/pkg/serviceregistry/ambient/workloads.go` \u2014 `podWorkloadBuilder`: every pod gets\n  the waypoint `computeWaypoint` finds, whatever its data plane.\n- ztunnel `src/proxy/outbound.rs` \u2014 a client's ztunnel sends Service traffic to the Service's\n  waypoint (`fetch_service_waypoint`) and pod-addressed traffic to the pod's\n  (`fetch_workload_waypoint`); with none bound, straight to the pod.\n\n## Aliases\n\n- `KIA1313` \u2014 Kiali, `business/checkers/ambient/ambient_workload_checker.go`\n  (`referencesNonExistentWaypoint`): a workload whose label, or its namespace's, names a waypoint\n  Kiali finds no workload of. Kiali reports it on each workload; meshlint reports the label where\n  it is written (the namespace's once, on the `Namespace`), and also on Services.\n",
  "virtualservice-host-conflict": "# virtualservice-host-conflict\n\n> Several VirtualServices bound to the mesh gateway route the same host: sidecars use one and ignore the others.\n\nDefault severity: **error**.\n\n## What happens at runtime\n\nA VirtualService without `gateways`, or with `mesh` among them, configures the sidecars' outbound\nroutes. istiod builds one Envoy virtual host per host name and port: when a second VirtualService\nnames the same host, its virtual host is a duplicate and is dropped (the\n`pilot_vservice_dup_domain` metric counts it). Which one a sidecar keeps follows istiod's order \u2014\nVirtualServices exported to the sidecar's namespace by name before those exported everywhere, each\nby creation time \u2014 so routes written in the other VirtualService (a canary match, a timeout, a\nretry policy) silently do nothing.\n\nHosts are compared as istiod keys them: a short name is resolved in the VirtualService's namespace\n(`ratings` in `foo` is `ratings.foo.svc.cluster.local`), and only sidecars that see both\nVirtualServices (their `exportTo` overlap) are affected. A wildcard host (`*.example.com`) is a\nvirtual host of its own: Envoy picks the most specific domain for a request, so a wildcard and a\nnarrower host do not conflict.\n\nVirtualServices bound only to gateways are not reported: for a gateway, istiod appends the routes\nof every VirtualService of a host to one virtual host (the documented way to split a large\nVirtualService).\n\n## How to fix\n\nMerge the VirtualServices into one (one list of `http` routes, the most specific matches first),\nor give them `exportTo` lists that no namespace shares. To split routes of one host across teams,\nbind them to a gateway, or use VirtualService delegation (`delegate`).\n\n## Examples\n\n<!-- examples: same-host (virtualservices.yaml), ok-gateway-merge (virtualservices.yaml), ok-wildcards-and-exportto -->\n<!-- examples:start -->\n\nIncorrect (fixtures/virtualservice-host-conflict/same-host):\n\n`virtualservices.yaml`:\n\n```yaml\n# After istio pkg/config/analysis/analyzers/testdata/virtualservice_conflictingmeshgatewayhosts.yaml (Apache-2.0).\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: productpage\n  namespace: foo\nspec:\n  hosts:\n  - productpage\n  http:\n  - route:\n    - destination:\n        host: productpage\n---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: productpage-canary\n  namespace: foo\nspec:\n  hosts:\n  - productpage.foo.svc.cluster.local\n  http:\n  - match:\n    - headers:\n        x-canary: {exact: \"1\"}\n    route:\n    - destination:\n        host: productpage\n        subset: v2\n---\n# Bound to the mesh as well as to a gateway: sidecars see it too.\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: ratings\n  namespace: bar\nspec:\n  hosts:\n  - ratings.foo.svc.cluster.local\n  gateways:\n  - istio-system/ingress\n  - mesh\n  http:\n  - route:\n    - destination:\n        host: ratings.foo.svc.cluster.local\n---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: ratings\n  namespace: foo\nspec:\n  hosts:\n  - ratings\n  exportTo:\n  - bar\n  http:\n  - route:\n    - destination:\n        host: ratings\n        subset: v1\n```\n\nmeshlint reports:\n\n```text\nvirtualservices.yaml:9:5: VirtualService \"productpage\" routes host productpage.foo.svc.cluster.local for sidecars, and so does VirtualService \"foo/productpage-canary\" (both seen in every namespace): a sidecar takes the routes of one of them for that host (istiod's order, not the file's) and ignores the others. Merge them into one VirtualService, or export them to different namespaces. [virtualservice-host-conflict]\nvirtualservices.yaml:22:5: VirtualService \"productpage-canary\" routes host productpage.foo.svc.cluster.local for sidecars, and so does VirtualService \"foo/productpage\" (both seen in every namespace): a sidecar takes the routes of one of them for that host (istiod's order, not the file's) and ignores the others. Merge them into one VirtualService, or export them to different namespaces. [virtualservice-host-conflict]\nvirtualservices.yaml:40:5: VirtualService \"ratings\" routes host ratings.foo.svc.cluster.local for sidecars, and so does VirtualService \"foo/ratings\" (both seen in namespace bar): a sidecar takes the routes of one of them for that host (istiod's order, not the file's) and ignores the others. Merge them into one VirtualService, or export them to different namespaces. [virtualservice-host-conflict]\nvirtualservices.yaml:56:5: VirtualService \"ratings\" routes host ratings.foo.svc.cluster.local for sidecars, and so does VirtualService \"bar/ratings\" (both seen in namespace bar): a sidecar takes the routes of one of them for that host (istiod's order, not the file's) and ignores the others. Merge them into one VirtualService, or export them to different namespaces. [virtualservice-host-conflict]\n```\n\nCorrect (fixtures/virtualservice-host-conflict/ok-gateway-merge):\n\n`virtualservices.yaml`:\n\n```yaml\n# Two VirtualServices for one host on the same ingress gateway: istiod appends their routes to one\n# virtual host (pilot/pkg/networking/core/gateway.go, buildGatewayRoutes). Kiali reports KIA1106\n# here (business/checkers/virtualservices/single_host_checker.go keys by gateway); istiod does not\n# drop either.\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: shop-api\n  namespace: shop\nspec:\n  hosts:\n  - shop.example.com\n  gateways:\n  - istio-system/public\n  http:\n  - match:\n    - uri: {prefix: /api}\n    route:\n    - destination:\n        host: api\n---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: shop-web\n  namespace: shop\nspec:\n  hosts:\n  - shop.example.com\n  gateways:\n  - istio-system/public\n  http:\n  - route:\n    - destination:\n        host: web\n---\n# The same host for sidecars, once: no conflict with the gateway's.\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: shop-internal\n  namespace: shop\nspec:\n  hosts:\n  - shop.example.com\n  http:\n  - route:\n    - destination:\n        host: web\n```\n\nmeshlint reports nothing for this rule.\n\nCorrect (fixtures/virtualservice-host-conflict/ok-wildcards-and-exportto):\n\n`virtualservices.yaml`:\n\n```yaml\n# After istio pkg/config/analysis/analyzers/testdata/virtualservice_conflictingmeshgatewayhosts_with_exportto.yaml\n# and virtualservice_conflictingmeshgatewayhosts.yaml (Apache-2.0).\n#\n# A wider wildcard is another virtual host: Envoy picks the most specific domain, so *.d and\n# *.productpage.d do not conflict (istioctl reports IST0109 for productpage-d; istiod names virtual\n# hosts by the exact host, pilot/pkg/networking/core/httproute.go).\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: productpage-d\n  namespace: foo\nspec:\n  hosts:\n  - '*.productpage.d'\n  exportTo:\n  - '.'\n  http:\n  - route:\n    - destination:\n        host: productpage.foo.svc.cluster.local\n---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: productpage-d\n  namespace: bar\nspec:\n  hosts:\n  - '*.d'\n  http:\n  - route:\n    - destination:\n        host: productpage.bar.svc.cluster.local\n---\n# The same host, each exported only to its own namespace: no sidecar sees both.\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: ratings\n  namespace: team1\nspec:\n  hosts:\n  - ratings.team1.svc.cluster.local\n  exportTo:\n  - '.'\n  http:\n  - route:\n    - destination:\n        host: ratings.team1.svc.cluster.local\n---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: ratings\n  namespace: team2\nspec:\n  hosts:\n  - ratings.team1.svc.cluster.local\n  exportTo:\n  - '.'\n  http:\n  - route:\n    - destination:\n        host: ratings.team1.svc.cluster.local\n        subset: v2\n```\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- istio `pilot/pkg/networking/core/httproute.go` \u2014 `BuildSidecarOutboundVirtualHosts`: a\n  virtual host whose name (`host:port`) was already built is dropped (\"duplicate domain from\n  virtual service\").\n- istio `pilot/pkg/model/push_context.go` \u2014 `VirtualServicesForGateway`: the order (exported to the\n  namespace, then public), each sorted by creation time.\n- istio `pilot/pkg/networking/core/gateway.go` \u2014 `buildGatewayRoutes`: gateway VirtualServices of\n  one host are merged into one virtual host (`vHostDedupMap`).\n- istio `pkg/config/analysis/analyzers/virtualservice/conflictingmeshgatewayhosts.go` (IST0109).\n\n## Aliases\n\n- `IST0109` (istioctl analyze, `ConflictingMeshGatewayVirtualServiceHosts`) \u2014 istioctl also matches a\n  host exported to some namespaces against wider wildcards exported everywhere (`*.productpage.d`\n  against `*.d`), which istiod keeps as separate virtual hosts; meshlint does not report those.\n- `KIA1106` (Kiali, `business/checkers/virtualservices/single_host_checker.go`) \u2014 Kiali also\n  reports VirtualServices sharing a host on the same gateway, which istiod merges; meshlint does\n  not. Kiali keys `gateways: [mesh]` apart from no `gateways`, which istiod treats alike.\n",
  "virtualservice-references": '# virtualservice-references\n\n> A VirtualService routes to a host, subset or gateway that does not exist where it applies.\n\nDefault severity: **error**.\n\n## What happens at runtime\n\nistiod turns each route `destination` of a VirtualService into the name of an Envoy cluster,\n`outbound|<port>|<subset>|<host>`, and each cluster comes from the service registry: a Kubernetes\nService (`<name>.<namespace>.svc.cluster.local`), or a ServiceEntry host, and for a subset an entry\nof the DestinationRule the client uses for that host. When the name matches no cluster, Envoy\nanswers the requests of that route with **503** (response flag `NC`, cluster not found); a `mirror`\nto such a host mirrors nothing. A short host (`reviews`) is a Service of the VirtualService\'s own\nnamespace.\n\nThe rule reports, at the offending field:\n\n| message | when |\n| --- | --- |\n| `unknownHost` | no Service or ServiceEntry declares the host (nor a wildcard ServiceEntry host covering it) |\n| `hostNotExported` | the host exists, but its `exportTo` (the `networking.istio.io/exportTo` annotation of a Service) leaves out every namespace where the VirtualService applies (its own `exportTo`) |\n| `unknownPort` | `port.number` is not a port of the Service or ServiceEntry |\n| `unknownSubset` | the DestinationRule the clients use for the host (client namespace, then the host\'s namespace, then the root namespace; rules of one host and namespace merged) defines no subset of that name |\n| `unknownGateway` | a `gateways` entry (`name`, or `namespace/name`) names no Istio Gateway and no Gateway API Gateway; `mesh` is the sidecars |\n| `internalGateway` | (a warning) a `gateways` entry names an Istio Gateway istiod generates from a Gateway API Gateway\'s listener (`<gateway>~istio-autogenerated-k8s-gateway~<listener>`): it works while that listener exists under that name, but it is istiod\'s internal object. istiod\'s validating webhook rejects such a name in a VirtualService (`~` is not allowed in a gateway name, pkg/config/validation/validation.go `validateGatewayNames`), so meshlint\'s `schema` check reports it as an error too; this warning says what the name is, for clusters where the webhook is off or the object was created around it |\n| `hostNotInGateway` | the Gateway exists, but none of its servers\' `hosts` (as seen from the VirtualService\'s namespace: `ns/host` entries only for `ns`, `./host` for the Gateway\'s own) overlaps any of the VirtualService\'s `hosts`, so the gateway does not use its routes (a Gateway API listener without `hostname` accepts any host) |\n\n**exportTo is honoured both ways.** A VirtualService without `exportTo` applies in every\nnamespace: a host exported to some namespaces works there, so it is not reported. A wildcard\nServiceEntry (`*.example.com`) counts only where the VirtualService\'s own namespace sees it.\n\n**Closed world only where we know it.** A Service host is reported missing only when the input\ndeclares the Namespace it would live in; any other host (a ServiceEntry may come from any\nnamespace), and subsets whose DestinationRules may live in namespaces the input does not declare,\nonly with `--complete` (`complete: true`). A gateway is reported missing only in a declared\nnamespace.\n\n## How to fix\n\nFix the name, or add what it names: the Service or ServiceEntry, an `exportTo` that includes the\nclients\' namespaces, the port, the subset in the host\'s DestinationRule, the Gateway.\n\n```yaml\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: reviews\n  namespace: bookinfo\nspec:\n  host: reviews\n  subsets:\n  - name: v1\n    labels: {version: v1}\n  - name: v2\n    labels: {version: v2}\n```\n\n## Examples\n\n<!-- examples: subset-and-gateway (virtualservice.yaml), unknown-host-and-port (virtualservice.yaml), ok-exportto-honoured -->\n<!-- examples:start -->\n\nIncorrect (fixtures/virtualservice-references/subset-and-gateway):\n\n`virtualservice.yaml`:\n\n```yaml\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\n  namespace: bookinfo\nspec:\n  hosts: [reviews.example.com]\n  gateways: [bookinfo-gateway, bookinfo-gatway, mesh]\n  http:\n  - route:\n    - destination:\n        host: reviews\n        subset: v1\n      weight: 90\n    - destination:\n        host: reviews\n        subset: v2\n      weight: 10\n```\n\nAlso in the case, not shown: `bookinfo.yaml`.\n\nmeshlint reports:\n\n```text\nvirtualservice.yaml:8:32: VirtualService "reviews" is bound to gateway "bookinfo-gatway", but namespace bookinfo has no Gateway "bookinfo-gatway": its routes are configured at no gateway. Fix the name (namespace/name for another namespace), or add the Gateway. [virtualservice-references]\nvirtualservice.yaml:17:17: VirtualService "reviews" routes to subset "v2" of host "reviews", but DestinationRule bookinfo/reviews, which applies here, does not define it: Envoy has no cluster for it, so requests this route sends there fail with 503 (NC, cluster not found). Define the subset in the host\'s DestinationRule, or fix the name. [virtualservice-references]\n```\n\nIncorrect (fixtures/virtualservice-references/unknown-host-and-port):\n\n`virtualservice.yaml`:\n\n```yaml\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\n  namespace: bookinfo\nspec:\n  hosts: [reviews]\n  http:\n  - route:\n    - destination:\n        host: reviwes\n    mirror:\n      host: reviews-shadow\n  - route:\n    - destination:\n        host: reviews\n        port:\n          number: 9090\n```\n\nAlso in the case, not shown: `bookinfo.yaml`.\n\nmeshlint reports:\n\n```text\nvirtualservice.yaml:11:15: VirtualService "reviews" routes to host "reviwes" (reviwes.bookinfo.svc.cluster.local), which no Service or ServiceEntry declares: Envoy has no cluster for it, so requests this route sends there fail with 503 (NC, cluster not found). Fix the host, or add the Service or ServiceEntry. [virtualservice-references]\nvirtualservice.yaml:13:13: VirtualService "reviews" mirrors to host "reviews-shadow" (reviews-shadow.bookinfo.svc.cluster.local), which no Service or ServiceEntry declares: Envoy has no cluster for it, so no request is mirrored. Fix the host, or add the Service or ServiceEntry. [virtualservice-references]\nvirtualservice.yaml:18:19: VirtualService "reviews" routes to port 9090 of host "reviews", but Service bookinfo/reviews has only port 9080: Envoy has no cluster for it, so requests this route sends there fail with 503 (NC, cluster not found). Use one of its ports. [virtualservice-references]\n```\n\nCorrect (fixtures/virtualservice-references/ok-exportto-honoured):\n\n`exports.yaml`:\n\n```yaml\n# istioctl analyze reports these as "Referenced host not found" (istio/istio#46269, #46597,\n# #39629): the host is exported to the namespaces where the VirtualService applies.\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns-1\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns-2\n---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: httpbin-org\n  namespace: ns-1\nspec:\n  exportTo: [., ns-2]\n  hosts: [httpbin.org]\n  location: MESH_EXTERNAL\n  ports:\n  - name: https\n    number: 443\n    protocol: HTTPS\n  resolution: DNS\n---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: httpbin-org\n  namespace: ns-1\nspec:\n  exportTo: [ns-2]\n  hosts: [httpbin.org]\n  tcp:\n  - match:\n    - port: 443\n    route:\n    - destination:\n        host: httpbin.org\n        port:\n          number: 443\n---\n# A Service exported to ns-2 only, routed by a VirtualService of its own namespace that applies\n# everywhere: the route works in ns-2.\napiVersion: v1\nkind: Service\nmetadata:\n  name: api\n  namespace: ns-1\n  annotations:\n    networking.istio.io/exportTo: ns-2\nspec:\n  selector:\n    app: api\n  ports:\n  - name: http\n    port: 8080\n---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: api\n  namespace: ns-1\nspec:\n  hosts: [api]\n  http:\n  - route:\n    - destination:\n        host: api\n        port:\n          number: 8080\n```\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- istio `pilot/pkg/networking/core/route/route.go` \u2014 `GetDestinationCluster`: the cluster name\n  from host, subset and port (`BuildSubsetKey`).\n- istio `pilot/pkg/model/push_context.go` \u2014 `initServiceRegistry`, `initVirtualServices`\n  (`exportTo` of Services, ServiceEntries and VirtualServices), `destinationRule` (the lookup).\n- istio `pilot/pkg/model/config.go` \u2014 `ResolveShortnameToFQDN`.\n- istio `pkg/config/host/name.go` (`Matches`) and `names.go` (`NamesForNamespace`): which\n  VirtualService hosts a Gateway server accepts.\n- istio `pilot/pkg/serviceregistry/kube/conversion.go` \u2014 the `networking.istio.io/exportTo`\n  annotation of a Service.\n- istio `pkg/config/gateway/kube/gatewayapi.go` \u2014 `InternalGatewayName`, `IsInternalGatewayReference`:\n  the names of the Istio Gateways generated for Gateway API listeners.\n\n## Aliases\n\n- `IST0101` (istioctl analyze, ReferencedResourceNotFound;\n  `pkg/config/analysis/analyzers/virtualservice/destinationhosts.go`, `destinationrules.go`,\n  `gateways.go`) \u2014 istioctl reports a host exported only to other namespaces even where the\n  VirtualService applies there (istio/istio#46269, #46597, #39629; fixture\n  `ok-exportto-honoured`), matches subsets by host in any namespace rather than by the\n  DestinationRule the clients use, and, run on files, treats every host it does not see as\n  missing. It also reports a missing destination port when the host has several ports\n  (`IST0112`), which meshlint does not: Envoy then uses the port the request came in on.\n- `IST0132` (istioctl analyze, VirtualServiceHostNotFoundInGateway, `gateways.go`) \u2014 istioctl\n  also reports a host mismatch for a gateway that does not exist; meshlint reports that once, as\n  `unknownGateway`.\n- `IST0165` (istioctl analyze, ReferencedInternalGateway, `gateways.go`; `internalGateway`).\n- `KIA1101`, `KIA1102`, `KIA1107` (Kiali, `business/checkers/virtualservices/`:\n  `no_host_checker.go`, `no_gateway_checker.go`, `subset_presence_checker.go`).\n',
  "waypoint-bypass": '# waypoint-bypass\n\n> A policy attached to a waypoint can be bypassed: ztunnel on the destination pods admits clients other than the waypoint on the same ports.\n\nDefault severity: **warning**.\n\n## What happens at runtime\n\nAn AuthorizationPolicy with `targetRefs` (to a `Service`, a `ServiceEntry`, the waypoint `Gateway`\nitself, or the `istio-waypoint` `GatewayClass` from the root namespace) is enforced by the\n**waypoint** only, and only on the traffic that goes through the waypoint: traffic addressed to a\nService bound to it with `istio.io/use-waypoint` (on the Service, else its namespace;\n`istio.io/use-waypoint-namespace` for a waypoint in another namespace; `none` opts out; the waypoint\nmust be for `service` or `all` traffic, `istio.io/waypoint-for`). istiod never sends it to ztunnel.\n\nThe destination pods\' **ztunnel** decides on its own who may connect. Unless its policies admit\nonly the waypoint\'s identity on the Service\'s ports, a client can reach the pods another way and the\nwaypoint\'s policy never sees the request:\n\n- an ingress gateway: it sends to the pods directly unless the Service (or namespace) is labelled\n  `istio.io/ingress-use-waypoint: "true"` (read like Go\'s `strconv.ParseBool`); with the label its\n  requests go through the waypoint, and a gateway never dials a pod address, so its identity in a\n  ztunnel policy is not a way around the waypoint;\n- a client outside the mesh, in plaintext, unless the pods are STRICT;\n- a sidecar client: sidecars send Service traffic straight to the pod;\n- an **ambient** client that dials the **pod address**: a waypoint for `service` traffic (the\n  default `istio.io/waypoint-for`) only carries requests sent to the Service. A ztunnel ALLOW that\n  admits the waypoint *and* other ambient identities (say `namespaces: [books]` for the namespace\'s\n  own pods) lets those callers skip the waypoint\'s policy this way. Not when the pods are bound to\n  the same waypoint for workload traffic too (`istio.io/waypoint-for: all`, or `workload` on the\n  pods) and the policy applies to workload traffic (a `Gateway` or `GatewayClass` targetRef; a\n  `Service` targetRef never does).\n\nHow each caller travels is check-access\'s answer (`sendsToWaypoint` in `src/authz/access.ts`): a\nprincipal follows the workloads of the input that run as it, else its namespace\'s labels, else it\nis taken for an ambient client (or an ingress gateway, when its service account is named like one).\nThe message says "by dialing the pod address" for callers known to be ambient.\n\nThe rule asks the evaluator, at ztunnel, whether a request from anyone but the waypoint is allowed\non each of the Service\'s target ports: the identities the ztunnel policies name (principals,\nnamespaces, service accounts, `ipBlocks`), other identities of the input (the first 25 in sorted order,\n`maxKnownCallers`), a workload of the pod\'s own\nnamespace, and a plaintext client (unless STRICT). Identities of waypoints are not counted. Ports the\nService does not expose (metrics, health) are not checked, so exceptions limited to them are fine.\n\nIstio can add an "allow from the waypoint" ztunnel policy itself when istiod runs with\n`PILOT_AUTO_ALLOW_WAYPOINT_POLICY=true` (off by default). It is an ALLOW policy for the waypoint\'s\nidentity on every workload behind a waypoint: it restricts the pods only when no other ALLOW policy\nadmits other clients. meshlint reads the setting from an IstioOperator\'s\n`spec.values.pilot.env.PILOT_AUTO_ALLOW_WAYPOINT_POLICY`, from the env of an `istiod` Deployment\n(as Helm renders it), or from `.meshlint.yaml` (`mesh: {autoAllowWaypointPolicy: true}`); like\nistiod, it reads `true`, `True`, `1`\u2026 as on (Go\'s `strconv.ParseBool`).\n\nThe rule reports at the waypoint policy\'s `targetRefs` entry and, when a ztunnel policy admits the\nother client, at that policy\'s rule (at the principal, namespace or service account entry when the\nadmitted identity comes from it). Pods that are not ambient, and Services whose pods are not in the\ninput, are not checked.\n\nWhen a ztunnel policy admits *only* other identities and not the waypoint, nothing leaks past the\nwaypoint, but everything it forwards is refused: that is `ztunnel-policy-behind-waypoint` (or\n`waypoint-principal-mismatch` when the policy names the wrong waypoint identity).\n\n## How to fix\n\nAdmit only the waypoint\'s identity on the ports the Service exposes, with a ztunnel policy (no\n`targetRefs`) on the pods:\n\n```yaml\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: productpage-via-waypoint-only\n  namespace: default\nspec:\n  selector:\n    matchLabels:\n      app: productpage\n  action: ALLOW\n  rules:\n  - from:\n    - source:\n        principals: ["cluster.local/ns/default/sa/waypoint"]\n```\n\nRemove other clients from existing ztunnel ALLOW rules, or limit those rules to other ports with\n`to.operation.ports` (for example a metrics port). If an ingress gateway must reach the Service,\nlabel the Service `istio.io/ingress-use-waypoint: "true"` so it goes through the waypoint. Without\nother ztunnel ALLOW policies, `PILOT_AUTO_ALLOW_WAYPOINT_POLICY=true` on istiod has the same effect.\n\n## Options\n\n| option | type | default | effect |\n| --- | --- | --- | --- |\n| `maxKnownCallers` | integer \u2265 1 | `25` | How many other identities of the input (sorted) are tried as clients besides those the ztunnel policies name. Raise it for a large input where a leaking client sorts late; lower it to bound the run time. |\n| `ignoreNamespaces` | string[] | `[]` | AuthorizationPolicies in these namespaces are neither checked (waypoint policies) nor reported (ztunnel policies). |\n\n```yaml\n# .meshlint.yaml\nrules:\n  waypoint-bypass: [warn, { maxKnownCallers: 100, ignoreNamespaces: [staging] }]\n```\n\n`fixtures/waypoint-bypass/options-max-known-callers` (`maxKnownCallers: 1`) names only the first\nidentity of the input as a client, where `options-max-known-callers-default` names both;\n`options-ignore-namespaces` reports the waypoint policy of `default` and not the same one in\n`staging`, and `ok-options-ignore-namespaces` ignores `default`.\n\n## Examples\n\nThe Istio ambient getting-started\'s policies: the L7 policy enforced by the waypoint, then the\nztunnel policy that the docs "update to also allow connections from the waypoint", which still\nadmits the ingress gateway:\n\n<!-- examples: docs-l7-policy-without-ztunnel-policy (namespace.yaml, waypoint-policy.yaml), docs-gateway-admitted-beside-waypoint (ztunnel-policy.yaml), ok-ztunnel-admits-only-waypoint (ztunnel-policy.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/waypoint-bypass/docs-l7-policy-without-ztunnel-policy):\n\n`namespace.yaml`:\n\n```yaml\n# Istio docs, ambient getting started: `istioctl waypoint apply --enroll-namespace`.\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: default\n  labels:\n    istio.io/dataplane-mode: ambient\n    istio.io/use-waypoint: waypoint\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: waypoint\n  namespace: default\n  labels:\n    istio.io/waypoint-for: service\nspec:\n  gatewayClassName: istio-waypoint\n  listeners:\n  - name: mesh\n    port: 15008\n    protocol: HBONE\n```\n\n`waypoint-policy.yaml`:\n\n```yaml\n# Istio docs, ambient getting started: the L7 policy, enforced by the waypoint.\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: productpage-waypoint\n  namespace: default\nspec:\n  targetRefs:\n  - kind: Service\n    group: ""\n    name: productpage\n  action: ALLOW\n  rules:\n  - from:\n    - source:\n        principals:\n        - cluster.local/ns/default/sa/curl\n    to:\n    - operation:\n        methods: ["GET"]\n```\n\nAlso in the case, not shown: `bookinfo.yaml`.\n\nmeshlint reports:\n\n```text\nwaypoint-policy.yaml:9:5: AuthorizationPolicy "productpage-waypoint" is enforced only by waypoint default/waypoint, but no ztunnel ALLOW policy guards the pods of Service productpage, so any client, even without mTLS, reaches port 9080 directly, skipping it. Admit only the waypoint (cluster.local/ns/default/sa/waypoint) on that port with a ztunnel policy (or set PILOT_AUTO_ALLOW_WAYPOINT_POLICY=true). [waypoint-bypass]\n```\n\nIncorrect (fixtures/waypoint-bypass/docs-gateway-admitted-beside-waypoint):\n\n`ztunnel-policy.yaml`:\n\n```yaml\n# Istio docs: "update [the L4 policy] to also allow connections from the waypoint". The ingress\n# gateway\'s identity stays admitted, and the gateway does not use the waypoint unless the Service\n# is labelled istio.io/ingress-use-waypoint.\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: productpage-ztunnel\n  namespace: default\nspec:\n  selector:\n    matchLabels:\n      app: productpage\n  action: ALLOW\n  rules:\n  - from:\n    - source:\n        principals:\n        - cluster.local/ns/default/sa/bookinfo-gateway-istio\n        - cluster.local/ns/default/sa/waypoint\n```\n\nAlso in the case, not shown: `bookinfo.yaml`, `namespace.yaml`, `waypoint-policy.yaml`.\n\nmeshlint reports:\n\n```text\nwaypoint-policy.yaml:9:5: AuthorizationPolicy "productpage-waypoint" is enforced only by waypoint default/waypoint, but ztunnel policy "productpage-ztunnel" lets cluster.local/ns/default/sa/bookinfo-gateway-istio reach the pods of Service productpage on port 9080 directly, skipping it. Admit only the waypoint (cluster.local/ns/default/sa/waypoint) on that port. [waypoint-bypass]\nztunnel-policy.yaml:18:11: Ztunnel policy "productpage-ztunnel" lets cluster.local/ns/default/sa/bookinfo-gateway-istio reach Deployment default/productpage-v1 on port 9080 directly, skipping waypoint default/waypoint and its policy "default/productpage-waypoint". Admit only the waypoint (cluster.local/ns/default/sa/waypoint) on that port, or limit this rule to other ports. For Gateway default/bookinfo-gateway, label the Service istio.io/ingress-use-waypoint=true. [waypoint-bypass]\n```\n\nCorrect (fixtures/waypoint-bypass/ok-ztunnel-admits-only-waypoint):\n\n`ztunnel-policy.yaml`:\n\n```yaml\n# Only the waypoint may connect to productpage\'s pods.\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: productpage-ztunnel\n  namespace: default\nspec:\n  selector:\n    matchLabels:\n      app: productpage\n  action: ALLOW\n  rules:\n  - from:\n    - source:\n        principals:\n        - cluster.local/ns/default/sa/waypoint\n```\n\nAlso in the case, not shown: `bookinfo.yaml`, `namespace.yaml`, `waypoint-policy.yaml`.\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\nEach case holds the same `namespace.yaml` and `waypoint-policy.yaml`; `bookinfo.yaml` holds\nproductpage\'s Service and Deployment from Istio\'s samples (and, in the second, the\n`bookinfo-gateway` Gateway).\n\nAlso reported: a policy on the waypoint Gateway (gateway-targetref), a namespace admitted on every\nport (namespace-rule-reaches-service-port), a waypoint in another namespace\n(waypoint-in-other-namespace), and `PILOT_AUTO_ALLOW_WAYPOINT_POLICY` on beside an ALLOW for the\nnamespace (auto-allow-does-not-restrict-other-allows).\n\nAlso correct: ok-metrics-port-exception (others only on port 15020),\nok-waypoint-in-other-namespace-restricted, ok-auto-allow-waypoint-policy, and policies that no\nwaypoint enforces: ok-waypoint-for-workload-not-bound-to-services, ok-service-opts-out-with-use-waypoint-none.\n\n## Sources\n\n- istio `pilot/pkg/serviceregistry/ambient/authorization.go` \u2014 a policy with `targetRef(s)` "is not\n  intended for ztunnel"; ztunnel gets the selector, namespace and root-namespace policies.\n- istio `pilot/pkg/model/policyattachment.go` \u2014 the `targetRefs` kinds a waypoint honours.\n- istio `pilot/pkg/serviceregistry/ambient/waypoints.go` \u2014 `istio.io/use-waypoint`,\n  `istio.io/use-waypoint-namespace`, `istio.io/waypoint-for`; a waypoint\'s identity is its pods\'\n  service account.\n- istio `pilot/pkg/features/ambient.go` \u2014 `PILOT_AUTO_ALLOW_WAYPOINT_POLICY`, default false;\n  `pilot/pkg/serviceregistry/ambient/policies.go` (`implicitWaypointPolicy`: an ALLOW of the\n  waypoint\'s principals) and `workloads.go` (`implicitWaypointPolicies`: attached to each workload\n  behind a waypoint).\n- istio `pilot/pkg/serviceregistry/ambient/services.go` \u2014 `istio.io/ingress-use-waypoint` on the\n  Service, else its namespace (`ingressUseWaypointFromLabels`, `strconv.ParseBool`).\n- istio `pilot/pkg/xds/endpoints/endpoint_builder.go` \u2014 `findServiceWaypoint`: only gateways send to\n  a Service\'s waypoint, and only with `istio.io/ingress-use-waypoint`; sidecars tunnel to the pod.\n- istio `pilot/pkg/model/policyattachment.go` (`ShouldAttachPolicy`) \u2014 a `Service`/`ServiceEntry`\n  targetRef applies only to traffic for that Service; traffic addressed to a pod meets the\n  `Gateway`/`GatewayClass` policies only (meshlint: `src/authz/attachment.ts`, shared with\n  check-access).\n- ztunnel `src/rbac.rs` \u2014 DENY, then ALLOW; no ALLOW policy means allow.\n- Istio docs, *Enforce authorization policies* (ambient getting started) \u2014\n  https://istio.io/latest/docs/ambient/getting-started/enforce-auth-policies/ (istio/istio.io\n  `content/en/docs/ambient/getting-started/enforce-auth-policies/index.md`).\n\n## Aliases\n\nNone: `istioctl analyze` and Kiali do not compare waypoint and ztunnel policies.\n',
  "waypoint-principal-mismatch": "# waypoint-principal-mismatch\n\n> A ztunnel policy meant to admit the waypoint names an identity that is not the identity of the waypoint serving the workload, so ztunnel refuses everything the waypoint forwards.\n\nDefault severity: **error**.\n\n## What happens at runtime\n\nTraffic that goes through a waypoint reaches the destination pod's ztunnel with the **waypoint's**\nidentity, `<trust domain>/ns/<waypoint namespace>/sa/<service account>`. The waypoint's service\naccount is that of its pods: for the Deployment istiod creates, the `gateway.istio.io/service-account`\nannotation of the Gateway, else the Gateway's own name (class `istio-waypoint` gets no `-<class>`\nsuffix). Its namespace is the Gateway's, which differs from the workload's when the binding uses\n`istio.io/use-waypoint-namespace`.\n\nA ztunnel policy (no `targetRefs`) on ambient pods that is written to let the waypoint in \u2014 an ALLOW\nnaming it in `principals`, `serviceAccounts` or a `source.principal` condition, or a DENY excepting\nit with `notPrincipals`/`notServiceAccounts` \u2014 but names another identity (the docs' default\n`\u2026/sa/waypoint` for a waypoint with another name, the workload's namespace instead of the waypoint's,\nthe Gateway's name when the annotation renames the account) makes ztunnel refuse **every** request the\nwaypoint forwards. Clients calling through the waypoint get connection failures; only traffic that\nbypasses the waypoint still works.\n\nAn entry is considered meant for a waypoint when its service account is called `waypoint` (or contains\nit) or is the name or service account of a waypoint Gateway of the input. It is reported when, for a\nworkload the policy applies to, the waypoint serving one of its Services (`istio.io/use-waypoint`,\n`istio.io/waypoint-for`) or the workload itself is refused by ztunnel on every port it carries, and\nnaming the real identity in that entry would let it in (so an entry made irrelevant by another rule\nthat admits the waypoint is not reported). Waypoints whose Gateway is not in the input are skipped:\ntheir service account may be set by an annotation meshlint cannot see.\n\nA ztunnel policy that names only *client* identities behind a waypoint (no entry meant for a\nwaypoint) is `ztunnel-policy-behind-waypoint`'s case; a policy with an entry that looks meant for a\nwaypoint is left to this rule, so the two never report the same entry.\n\n## How to fix\n\nName the identity the message gives, for example:\n\n```yaml\nrules:\n- from:\n  - source:\n      principals: [\"cluster.local/ns/default/sa/productpage-waypoint\"]\n```\n\n(or `serviceAccounts: [\"istio-waypoints/waypoint\"]` for a waypoint in another namespace).\n\n## Examples\n\nA waypoint applied with `istioctl waypoint apply --name productpage-waypoint` and a ztunnel policy\nthat names the docs' default `waypoint`; then the Istio ambient getting-started's waypoint and\npolicy:\n\n<!-- examples: gateway-named-differently (namespace.yaml, ztunnel-policy.yaml), ok-docs-ztunnel-policy-admits-waypoint (namespace.yaml, ztunnel-policy.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/waypoint-principal-mismatch/gateway-named-differently):\n\n`namespace.yaml`:\n\n```yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: default\n  labels:\n    istio.io/dataplane-mode: ambient\n    istio.io/use-waypoint: productpage-waypoint\n---\n# `istioctl waypoint apply --name productpage-waypoint`: its pods run as \"productpage-waypoint\".\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: productpage-waypoint\n  namespace: default\nspec:\n  gatewayClassName: istio-waypoint\n  listeners:\n  - name: mesh\n    port: 15008\n    protocol: HBONE\n```\n\n`ztunnel-policy.yaml`:\n\n```yaml\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: productpage-ztunnel\n  namespace: default\nspec:\n  selector:\n    matchLabels:\n      app: productpage\n  action: ALLOW\n  rules:\n  - from:\n    - source:\n        principals: [\"cluster.local/ns/default/sa/waypoint\"]   # the docs default name\n```\n\nAlso in the case, not shown: `bookinfo.yaml`.\n\nmeshlint reports:\n\n```text\nztunnel-policy.yaml:14:22: AuthorizationPolicy \"productpage-ztunnel\" names \"cluster.local/ns/default/sa/waypoint\" as the waypoint, but waypoint default/productpage-waypoint, serving Service productpage, runs as cluster.local/ns/default/sa/productpage-waypoint: ztunnel refuses all it forwards on port 9080, so callers get connection failures. Use that identity. [waypoint-principal-mismatch]\n```\n\nCorrect (fixtures/waypoint-principal-mismatch/ok-docs-ztunnel-policy-admits-waypoint):\n\n`namespace.yaml`:\n\n```yaml\n# Istio docs, ambient getting started: `istioctl waypoint apply --enroll-namespace`.\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: default\n  labels:\n    istio.io/dataplane-mode: ambient\n    istio.io/use-waypoint: waypoint\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: waypoint\n  namespace: default\n  labels:\n    istio.io/waypoint-for: service\nspec:\n  gatewayClassName: istio-waypoint\n  listeners:\n  - name: mesh\n    port: 15008\n    protocol: HBONE\n```\n\n`ztunnel-policy.yaml`:\n\n```yaml\n# Istio docs: \"update [the L4 policy] to also allow connections from the waypoint\". The ingress\n# gateway's identity stays admitted, and the gateway does not use the waypoint unless the Service\n# is labelled istio.io/ingress-use-waypoint.\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: productpage-ztunnel\n  namespace: default\nspec:\n  selector:\n    matchLabels:\n      app: productpage\n  action: ALLOW\n  rules:\n  - from:\n    - source:\n        principals:\n        - cluster.local/ns/default/sa/bookinfo-gateway-istio\n        - cluster.local/ns/default/sa/waypoint\n```\n\nAlso in the case, not shown: `bookinfo.yaml`.\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\nAlso reported: service-account-annotation, waypoint-in-other-namespace, service-accounts-field,\ndeny-all-but-wrong-waypoint. Also correct: ok-waypoint-admitted-by-namespace-rule,\nok-not-bound-to-waypoint, ok-gateway-not-in-input.\n\n## Sources\n\n- istio `pilot/pkg/config/kube/gatewaycommon/deploymentcontroller.go` \u2014 `ServiceAccount:\n  GetOrDefault(gw.Annotations[\"gateway.istio.io/service-account\"], defaultName)`;\n  `gateway_utils.go` (`GetDefaultName`) and `classinfo.go` (`DisableNameSuffix` for `istio-waypoint`).\n- istio `pilot/pkg/serviceregistry/ambient/waypoints.go` \u2014 a waypoint's `ServiceAccounts` are its\n  pods' (label `gateway.networking.k8s.io/gateway-name`); binding labels.\n- istio `pilot/pkg/serviceregistry/ambient/authorization.go`, ztunnel `src/rbac.rs` \u2014 what ztunnel\n  enforces.\n- Istio docs, *Enforce authorization policies* (ambient getting started) \u2014 the ztunnel policy admits\n  `cluster.local/ns/default/sa/waypoint` for the Gateway named `waypoint`.\n\n## Aliases\n\nNone.\n",
  "workload-without-authorization": '# workload-without-authorization\n\n> A workload in the mesh that no AuthorizationPolicy applies to: everything that reaches it is allowed (off by default).\n\nDefault severity: **off** (a warning once turned on).\n\n## What happens at runtime\n\nIstio allows a request to a workload when no AuthorizationPolicy applies to it. A workload that no\npolicy covers accepts whatever reaches it, from any identity, on any port and path. For a mesh that\nmeans to be "deny unless allowed" that workload is the gap.\n\nA workload is covered when one of these applies to it:\n\n- a policy of its namespace whose selector matches its pod labels, or that has no selector (the\n  namespace-wide default);\n- a policy of the root namespace (`istio-system` unless `mesh.rootNamespace` says otherwise)\n  whose selector matches it, or that has no selector (mesh-wide);\n- for a Gateway API gateway\'s pods, a policy of its namespace whose `targetRefs` names its Gateway;\n- in ambient mode, a policy the waypoint in front of it applies: one whose `targetRefs` names a\n  Service of the workload bound to a waypoint (`istio.io/use-waypoint`), that waypoint\'s Gateway,\n  or the `istio-waypoint` GatewayClass (root namespace). Kiali does not look at waypoints; meshlint\n  does, so an ambient workload guarded at its waypoint is not reported.\n\nPods with neither a sidecar nor ambient mode are not reported: no policy could apply to them.\n\nThe rule never reports on what the input may not hold: it looks at a workload only when the input\ndeclares its `Namespace` and holds something of the root namespace (or `--complete` says it is\nthe whole cluster). A team folder without `istio-system` gets no finding, since a mesh-wide policy\nthere may cover its workloads.\n\nIt is off by default, as in Kiali: turn it on in `.meshlint.yaml`:\n\n```yaml\nrules:\n  workload-without-authorization: warn\n```\n\n## How to fix\n\nWrite a policy for the workload, or a default-deny for its namespace, which every policy of the\nnamespace then opens up:\n\n```yaml\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: default-deny\n  namespace: bookinfo\nspec: {}\n```\n\n## Options\n\n| option | default | meaning |\n| --- | --- | --- |\n| `ignoreNamespaces` | `[]` | Workloads in these namespaces are not checked: for example a sandbox of throwaway workloads. |\n\n```yaml\n# .meshlint.yaml\nrules:\n  workload-without-authorization: [warn, { ignoreNamespaces: [sandbox] }]\n```\n\nSee `fixtures/workload-without-authorization/options-ignore-namespaces`: the workload in `sandbox`\nis not reported, the one in `shop` is.\n\n## Examples\n\n<!-- examples: uncovered (policies.yaml), ambient-policy-for-another-service (policy.yaml), ok-namespace-wide (policy.yaml), ok-ambient-waypoint-policy (policy.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/workload-without-authorization/uncovered):\n\n`policies.yaml`:\n\n```yaml\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: auth-policy1\n  namespace: bookinfo\nspec:\n  selector:\n    matchLabels:\n      app: ratings\n      version: v1\n---\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: auth-policy2\n  namespace: bookinfo\nspec:\n  selector:\n    matchLabels:\n      app: productpage\n      version: v1\n---\n# Mesh-wide, but its selector matches none of the workloads (version v4, not v5).\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: test-root2\n  namespace: istio-system\nspec:\n  selector:\n    matchLabels:\n      app: wrong\n      version: v4\n---\n# A policy of another namespace never covers bookinfo\'s workloads.\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: test-ns\n  namespace: movieinfo\nspec: {}\n```\n\nAlso in the case, not shown: `.meshlint.yaml`, `namespaces.yaml`, `workloads.yaml`.\n\nmeshlint reports:\n\n```text\nworkloads.yaml:42:9: Deployment bookinfo/uncovered-workload is covered by no AuthorizationPolicy (none in namespace bookinfo or the root namespace istio-system selects it, none at a waypoint in front of it): every request that reaches it is allowed. Add a policy for it, or a default-deny `spec: {}` in namespace bookinfo. [workload-without-authorization]\n```\n\nIncorrect (fixtures/workload-without-authorization/ambient-policy-for-another-service):\n\n`policy.yaml`:\n\n```yaml\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: reviews-viewers\n  namespace: bookinfo\nspec:\n  targetRefs:\n  - kind: Service\n    group: ""\n    name: ratings\n  action: ALLOW\n  rules:\n  - from:\n    - source:\n        principals: ["cluster.local/ns/bookinfo/sa/productpage"]\n```\n\nAlso in the case, not shown: `.meshlint.yaml`, `namespaces.yaml`, `workloads.yaml`.\n\nmeshlint reports:\n\n```text\nworkloads.yaml:4:9: Deployment bookinfo/reviews is covered by no AuthorizationPolicy (none in namespace bookinfo or the root namespace istio-system selects it, none at a waypoint in front of it): every request that reaches it is allowed. Add a policy for it, or a default-deny `spec: {}` in namespace bookinfo. [workload-without-authorization]\n```\n\nCorrect (fixtures/workload-without-authorization/ok-namespace-wide):\n\n`policy.yaml`:\n\n```yaml\n# A policy without a selector covers every workload of its namespace (kiali\'s variedAuthPolicies2).\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: test-ns\n  namespace: movieinfo\nspec: {}\n```\n\nAlso in the case, not shown: `.meshlint.yaml`, `namespaces.yaml`, `workloads.yaml`.\n\nmeshlint reports nothing for this rule.\n\nCorrect (fixtures/workload-without-authorization/ok-ambient-waypoint-policy):\n\n`policy.yaml`:\n\n```yaml\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: reviews-viewers\n  namespace: bookinfo\nspec:\n  targetRefs:\n  - kind: Service\n    group: ""\n    name: reviews\n  action: ALLOW\n  rules:\n  - from:\n    - source:\n        principals: ["cluster.local/ns/bookinfo/sa/productpage"]\n```\n\nAlso in the case, not shown: `.meshlint.yaml`, `namespaces.yaml`, `workloads.yaml`.\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- kiali `business/checkers/workloads/uncovered_workload_checker.go` (and its test, translated into\n  the `uncovered`, `ok-namespace-wide` and `ok-mesh-wide` fixtures) \u2014 KIA1301: a policy of the\n  root namespace or of the workload\'s namespace, without a selector or with one matching the\n  workload\'s labels, covers it; `models/istio_validation.go` holds its message.\n- istio `pilot/pkg/model/authorization.go` \u2014 the policies of the root namespace and of the\n  workload\'s namespace apply, by selector.\n- istio `pilot/pkg/model/policyattachment.go` \u2014 policies with `targetRefs` attach to a waypoint or\n  a gateway (Service, ServiceEntry, Gateway, GatewayClass `istio-waypoint`).\n- istio `pilot/pkg/serviceregistry/ambient/waypoints.go` \u2014 which waypoint a Service or a workload\n  uses (`istio.io/use-waypoint`).\n\n## Aliases\n\n- Kiali `KIA1301` ("This workload is not covered by any authorization policy").\n',
  "workloadgroup-service-account": '# workloadgroup-service-account\n\n> A WorkloadGroup\'s template names a service account its namespace does not have: its VMs get no\n> token for it, and istiod registers none of them.\n\nDefault severity: **error**.\n\n## What happens at runtime\n\nA WorkloadGroup describes the VMs (or other non-Kubernetes workloads) that join the mesh under\nit; `spec.template.serviceAccount` is their identity\n(`spiffe://<trust domain>/ns/<namespace>/sa/<account>`, `default` when unset). To bootstrap a VM,\n`istioctl x workload entry configure` asks Kubernetes for a token of that ServiceAccount; for an\naccount the namespace does not have, the request fails ("could not create a token under service\naccount \u2026"). And istiod auto-registers a VM only when the identity it proved is the group\'s\naccount ("registration of WorkloadEntry service account mismatch"). So no VM of the group joins\nthe mesh: no WorkloadEntry, no certificate, no traffic to or from it through the mesh.\n\n**Closed world only where we know it.** Service accounts are often created outside an app\'s\nmanifests (by a Helm chart, an operator, `kubectl create serviceaccount`). The rule reports only\nwhen the input lists the namespace\'s accounts: it declares the `Namespace` and holds\n`ServiceAccount` objects there (or `--complete`). The accounts that pods of the input run as\ncount as existing, and so does `default`, which every namespace has.\n\n## How to fix\n\nCreate the ServiceAccount, or name one the namespace has:\n\n```yaml\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: legacy-billing\n  namespace: vms\n```\n\n## Examples\n\n<!-- examples: unknown-service-account (workloadgroups.yaml), ok-accounts-exist (workloadgroups.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/workloadgroup-service-account/unknown-service-account):\n\n`workloadgroups.yaml`:\n\n```yaml\napiVersion: networking.istio.io/v1\nkind: WorkloadGroup\nmetadata:\n  name: billing\n  namespace: vms\nspec:\n  metadata:\n    labels:\n      app: billing\n  template:\n    serviceAccount: legacy-biling\n    ports:\n      http: 8080\n---\napiVersion: networking.istio.io/v1\nkind: WorkloadGroup\nmetadata:\n  name: batch\n  namespace: vms\nspec:\n  metadata:\n    labels:\n      app: batch\n  template:\n    serviceAccount: batch-runner\n    ports:\n      http: 8080\n```\n\nAlso in the case, not shown: `accounts.yaml`.\n\nmeshlint reports:\n\n```text\nworkloadgroups.yaml:11:21: WorkloadGroup "billing" runs its VMs as service account "legacy-biling", but namespace vms has none of that name (it has "default", "legacy-billing" and "reports"): no bootstrap token can be created for it, and istiod registers no VM of the group, so they never join the mesh. Did you mean "legacy-billing"? [workloadgroup-service-account]\nworkloadgroups.yaml:25:21: WorkloadGroup "batch" runs its VMs as service account "batch-runner", but namespace vms has none of that name (it has "default", "legacy-billing" and "reports"): no bootstrap token can be created for it, and istiod registers no VM of the group, so they never join the mesh. Create the ServiceAccount, or name one the namespace has. [workloadgroup-service-account]\n```\n\nCorrect (fixtures/workloadgroup-service-account/ok-accounts-exist):\n\n`workloadgroups.yaml`:\n\n```yaml\napiVersion: networking.istio.io/v1\nkind: WorkloadGroup\nmetadata:\n  name: billing\n  namespace: vms\nspec:\n  metadata:\n    labels:\n      app: billing\n  template:\n    serviceAccount: legacy-billing\n    ports:\n      http: 8080\n---\napiVersion: networking.istio.io/v1\nkind: WorkloadGroup\nmetadata:\n  name: batch\n  namespace: vms\nspec:\n  metadata:\n    labels:\n      app: batch\n  template:\n    serviceAccount: default\n    ports:\n      http: 8080\n```\n\nAlso in the case, not shown: `accounts.yaml`.\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- istio `istioctl/pkg/workload/workload.go` \u2014 `createCertsTokens`:\n  `ServiceAccounts(ns).CreateToken(serviceAccount)` for the WorkloadGroup\'s template account\n  (`default` when unset).\n- istio `pilot/pkg/autoregistration/controller.go` \u2014 a VM\'s WorkloadEntry is registered only when\n  `proxy.VerifiedIdentity.ServiceAccount` equals the group\'s template account.\n- Kubernetes \u2014 the ServiceAccount controller creates `default` in every namespace.\n\n## Aliases\n\n- `KIA1701` \u2014 Kiali, `business/checkers/workloadgroups/service_accounts_checker.go`: the template\n  account is compared with the identities Kiali knows in the namespace. Kiali also reports\n  `default` when it knows no identity of that namespace (its test "different namespace SA");\n  meshlint does not: every namespace has a `default` account.\n',
  "ztunnel-l7-policy": '# ztunnel-l7-policy\n\n> An AuthorizationPolicy enforced by ztunnel uses HTTP attributes (or an action) that ztunnel cannot enforce.\n\nDefault severity: **error** (AUDIT policies: warning).\n\n## What happens at runtime\n\nIn ambient mode a pod without a waypoint is protected by **ztunnel**, a layer-4 proxy. istiod sends\nztunnel every AuthorizationPolicy that has no `targetRef`/`targetRefs` \u2014 selector policies,\nnamespace-wide policies and root-namespace (mesh-wide) policies \u2014 and strips from them what ztunnel\ncannot see. ztunnel sees no HTTP request, so these attributes are layer 7 for it:\n\n- `to.operation`: `hosts`, `notHosts`, `methods`, `notMethods`, `paths`, `notPaths`;\n- `from.source`: `requestPrincipals`, `notRequestPrincipals`, `remoteIpBlocks`, `notRemoteIpBlocks`;\n- any `when` key other than `source.ip`, `source.namespace`, `source.principal`, `destination.ip`,\n  `destination.port`.\n\n`from.source.trustDomains` and `notTrustDomains` are a different case: they are not HTTP\nattributes, but istiod never sends them to ztunnel either, and says nothing. The rule is kept (even\nin an ALLOW) and the source is matched on its other fields alone \u2014 so an ALLOW admits peers of any\ntrust domain \u2014 while a source that had only `trustDomains` is left empty and never matches.\n\nWhat ztunnel then does depends on the action:\n\n| action | what ztunnel enforces | consequence |\n| --- | --- | --- |\n| ALLOW | every rule that uses a layer-7 attribute is dropped whole | the traffic it was meant to admit is refused; if every rule is dropped the policy still applies and matches nothing, so the workload refuses everything no other ALLOW admits |\n| DENY | the layer-7 attributes are removed, the rest kept | if each part (`to`, `from`, every `when`) keeps a layer-4 attribute the rule denies on those alone \u2014 **more** than written; otherwise the rule never matches and **the DENY protects nothing** |\n| CUSTOM, AUDIT | nothing | the external authorizer is never called; nothing is audited |\n\nThe DENY case is subtle: a rule is made of clauses that are ANDed (`to`, `from`, each `when`), and a\nclause whose entries have no layer-4 attribute left is skipped by ztunnel as *match-none*. So\n`from: namespaces: [legacy]` with `to: methods: [POST]` does not deny all traffic from `legacy` \u2014 it\ndenies nothing. Inside one clause the entries are ORed, and each is judged alone: an entry that keeps\na layer-4 attribute (`ports` beside `methods`) denies more than written, while an entry left with\nnothing (`requestPrincipals` alone, beside a `namespaces` source) is skipped \u2014 the rule still fires on\nthe other entries, but no longer denies what only that entry described. Each finding says which.\n\nPolicies with `targetRefs` (enforced by a waypoint), policies on sidecar workloads (Envoy enforces\nHTTP attributes) and policies that use only layer-4 attributes are not reported. A policy is\nreported when it selects an ambient workload of the input, or, selecting none, sits in a namespace\nlabelled `istio.io/dataplane-mode=ambient`; a mesh-wide policy (root namespace, no selector) is\nreported when the input has an ambient namespace. Dry-run policies (`istio.io/dry-run` true for Go\'s\n`strconv.ParseBool`: `true`, `True`, `1`\u2026) are not reported: istiod does not send them to ztunnel.\n\n## How to fix\n\nEnforce HTTP rules at a waypoint: deploy one, bind the Service to it, and attach the policy to the\nService with `targetRefs` instead of a selector. `--explain` and the JSON output carry the YAML:\n\n```yaml\nspec:\n  targetRefs:\n  - kind: Service\n    group: ""\n    name: cart\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: waypoint\n  namespace: shop\n  labels:\n    istio.io/waypoint-for: service\nspec:\n  gatewayClassName: istio-waypoint\n  listeners:\n  - name: mesh\n    port: 15008\n    protocol: HBONE\n```\n\nand label the Service (or namespace) `istio.io/use-waypoint: waypoint`. If the rule was meant to be\nlayer 4, remove the HTTP attribute instead.\n\n## Options\n\n| option | default | meaning |\n| --- | --- | --- |\n| `ignoreNamespaces` | `[]` | AuthorizationPolicies in these namespaces are not checked (a policy of the root namespace is checked unless the root namespace is listed). |\n\n```yaml\n# .meshlint.yaml\nrules:\n  ztunnel-l7-policy: [error, { ignoreNamespaces: [sandbox] }]\n```\n\nSee `fixtures/ztunnel-l7-policy/options-ignore-namespaces`: the policy in `sandbox` is not\nreported, the same policy in `shop` is.\n\n## Examples\n\n<!-- examples: allow-methods-dropped (namespace.yaml, policy.yaml), deny-http-only-never-matches (policy.yaml), ok-waypoint-targetrefs (namespace.yaml, policy.yaml, waypoint.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/ztunnel-l7-policy/allow-methods-dropped):\n\n`namespace.yaml`:\n\n```yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio.io/dataplane-mode: ambient\n```\n\n`policy.yaml`:\n\n```yaml\n# Meant: only the frontend may GET the cart. ztunnel cannot see methods.\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: cart-get-only\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: cart\n  action: ALLOW\n  rules:\n  - from:\n    - source:\n        principals: ["cluster.local/ns/shop/sa/frontend"]\n    to:\n    - operation:\n        methods: ["GET"]\n```\n\nAlso in the case, not shown: `workloads.yaml`.\n\nmeshlint reports:\n\n```text\npolicy.yaml:18:9: AuthorizationPolicy "cart-get-only" is enforced by ztunnel on Deployment shop/cart, and ztunnel cannot match "methods": every rule of this ALLOW policy is dropped, yet the policy still applies, so the pods refuse all traffic that no other ALLOW policy admits. Attach it to a waypoint with targetRefs, or remove "methods". [ztunnel-l7-policy]\n```\n\nIncorrect (fixtures/ztunnel-l7-policy/deny-http-only-never-matches):\n\n`policy.yaml`:\n\n```yaml\n# Meant: nobody may POST or DELETE under /admin. At ztunnel this denies nothing.\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: cart-no-admin-writes\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: cart\n  action: DENY\n  rules:\n  - to:\n    - operation:\n        methods: ["POST", "DELETE"]\n        paths: ["/admin/*"]\n```\n\nAlso in the case, not shown: `namespace.yaml`, `workloads.yaml`.\n\nmeshlint reports:\n\n```text\npolicy.yaml:15:9: AuthorizationPolicy "cart-no-admin-writes" is enforced by ztunnel on Deployment shop/cart, and ztunnel cannot match "methods": nothing of this DENY rule is left to match, so it never fires and the traffic it should block gets through. Attach it to a waypoint with targetRefs, or remove "methods". [ztunnel-l7-policy]\npolicy.yaml:16:9: AuthorizationPolicy "cart-no-admin-writes" is enforced by ztunnel on Deployment shop/cart, and ztunnel cannot match "paths": nothing of this DENY rule is left to match, so it never fires and the traffic it should block gets through. Attach it to a waypoint with targetRefs, or remove "paths". [ztunnel-l7-policy]\n```\n\nCorrect (fixtures/ztunnel-l7-policy/ok-waypoint-targetrefs):\n\n`namespace.yaml`:\n\n```yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio.io/dataplane-mode: ambient\n    istio.io/use-waypoint: waypoint\n```\n\n`policy.yaml`:\n\n```yaml\n# Istio docs (ambient L7 policy): attached to the Service, enforced by the waypoint.\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: cart-get-only\n  namespace: shop\nspec:\n  targetRefs:\n  - kind: Service\n    group: ""\n    name: cart\n  action: ALLOW\n  rules:\n  - to:\n    - operation:\n        methods: ["GET"]\n```\n\n`waypoint.yaml`:\n\n```yaml\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: waypoint\n  namespace: shop\n  labels:\n    istio.io/waypoint-for: service\nspec:\n  gatewayClassName: istio-waypoint\n  listeners:\n  - name: mesh\n    port: 15008\n    protocol: HBONE\n```\n\nAlso in the case, not shown: `workloads.yaml`.\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\nIn each case `workloads.yaml` holds Deployment `shop/cart` (`app: cart`) and its Service, and\n`namespace.yaml` labels `shop` `istio.io/dataplane-mode=ambient`. With the policy on the waypoint,\n[waypoint-bypass](../waypoint-bypass/README.md) then asks for a ztunnel policy that admits only the\nwaypoint, so that clients cannot skip it. Also correct: a policy with only layer-4 attributes\n(fixtures/ztunnel-l7-policy/ok-layer4-only).\n\n## Sources\n\n- istio `pilot/pkg/serviceregistry/ambient/authorization.go` \u2014 `convertAuthorizationPolicy`,\n  `handleRule`, `httpOperations`, `httpSources`, `l4WhenAttributes`, `hasEffectiveRules` (rules with\n  layer-7 attributes dropped for ALLOW; empty matches skipped for DENY; CUSTOM/AUDIT unsupported;\n  `targetRefs` policies not sent to ztunnel).\n- ztunnel `src/rbac.rs` \u2014 the order DENY, then ALLOW; no ALLOW policy means allow; an empty match\n  is skipped (`mg.is_empty()`), a group with no clauses matches everything.\n- istio `pilot/pkg/serviceregistry/ambient/authorization.go` `handleRule` builds no match for\n  `trustDomains`, and `httpSources` does not list them (ignored silently).\n- Istio docs, *Ambient: Layer 4 authorization policy* \u2014 https://istio.io/latest/docs/ambient/usage/l4-policy/\n- Enrolment: istio `manifests/charts/istio-cni/values.yaml` (`istio.io/dataplane-mode`).\n\n## Aliases\n\n- `KIA0109` and `KIA0110` (Kiali, `business/checkers/ambient_policy_checker.go`, with\n  `ambient/l7_classification.go`) \u2014 Kiali warns about an AuthorizationPolicy with HTTP attributes\n  in an ambient namespace that is not enrolled in a waypoint (`KIA0109`) or that selects\n  workloads instead of using `targetRefs` (`KIA0110`), and on an ambient workload that such a\n  policy selects while it has no waypoint (`KIA1317`). It does not say what ztunnel does with the\n  policy (rules dropped, DENY rules that never fire or deny more), does not look at CUSTOM and\n  AUDIT, and warns about a namespace-level policy whatever its pods are; this rule reports where\n  ztunnel enforces the policy on ambient pods, on the field it cannot match. istiod itself reports\n  it at runtime only, in the policy\'s status (`ZtunnelAccepted`).\n',
  "ztunnel-policy-behind-waypoint": "# ztunnel-policy-behind-waypoint\n\n> A ztunnel policy on pods behind a waypoint names client identities, but ztunnel sees the waypoint's identity on everything the waypoint forwards: an ALLOW refuses it all, a DENY never stops those clients.\n\nDefault severity: **error** (ALLOW policies, and DENY policies that match the waypoint itself);\n**warning** for a DENY that the clients escape.\n\n## What happens at runtime\n\nWhen a Service is bound to a waypoint (`istio.io/use-waypoint` on the Service or its namespace,\na waypoint for `service` or `all` traffic), ambient clients send its traffic to the waypoint, which\napplies its own (`targetRefs`) policies and then opens a new HBONE connection to the pod. The\ndestination's **ztunnel** reads the caller's identity from that connection's peer certificate: it\nis the **waypoint's** identity, `<trust domain>/ns/<waypoint namespace>/sa/<waypoint account>`,\nnever the original client's.\n\nA ztunnel policy (a `selector` or namespace-wide AuthorizationPolicy, no `targetRefs`) on those pods\nthat matches callers by identity \u2014 `principals`, `namespaces`, `serviceAccounts`, or the `when` keys\n`source.principal`, `source.namespace` \u2014 judges only callers that reach the pods **directly**:\n\n- **ALLOW** naming clients but not the waypoint: the waypoint's connection matches no rule, so\n  ztunnel refuses everything the waypoint carries. Every client sent through the waypoint \u2014 the very\n  clients the policy names included \u2014 gets connection failures. A policy written before the waypoint\n  was added (\"this L4 policy requires no changes for ambient mode\") breaks the day the waypoint\n  arrives.\n- **DENY** naming clients: the waypoint's connection does not match, so the clients it names get\n  through whenever they go through the waypoint. If the DENY also matches the waypoint's identity\n  (`namespaces: [httpbin]` with the waypoint in `httpbin`), it refuses **everything** the waypoint\n  carries instead (reported as an error).\n\nCallers that are **not** sent through the waypoint still arrive with their own identity (or none):\nsidecar clients, clients outside the mesh, calls to a pod address (a Service-bound waypoint only\ncarries Service traffic), and ingress gateways unless the Service or its namespace is labelled\n`istio.io/ingress-use-waypoint: \"true\"`.\n\nThe rule decides with check-access's evaluator, not a copy of it: for each client the policy names\n(a workload or Istio gateway of the input running as the principal; for a namespace, an Istio\ngateway or else a workload of that namespace \u2014 the root namespace or one named for ingress, when\nthe input has nothing there, stands for its ingress gateway; else a pod of the principal's\nnamespace as its labels enrol it; else the bare principal, which the evaluator takes for an ambient\nclient, or for an ingress gateway when its service account is named like one),\nit asks what ztunnel does with the client arriving directly (this policy must be the one that admits\nor denies it) and what `meshlint check-access --from <client> --to <ns>/service/<name> --port\n<port>` decides. It reports when the request goes through the waypoint and ztunnel then refuses it\n(ALLOW) or lets it through (DENY). So a policy naming only sidecar clients, or an ingress gateway\nwithout `istio.io/ingress-use-waypoint`, is not reported: those callers never meet the waypoint.\n\nWhen the waypoint's Gateway is not in the input, its identity is assumed to be\n`<namespace>/sa/<name>`; a policy that names a principal of the waypoint's namespace that no pod of\nthe input runs as is then not judged (it may be the waypoint under a renamed account).\n\nPolicies with an entry that looks meant for a waypoint (a `waypoint` service account, the name of a\nwaypoint Gateway) are left to `waypoint-principal-mismatch`, so the two rules never report the same\nentry. Dry-run, CUSTOM and AUDIT policies and istiod's implicit waypoint policy are not checked.\n\n## How to fix\n\nAdmit the waypoint's identity in the ztunnel policy, and match the clients where their identity is\nstill visible, at the waypoint:\n\n```yaml\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: productpage-from-sleep\n  namespace: default\nspec:\n  targetRefs:\n  - kind: Service\n    group: \"\"\n    name: productpage\n  action: ALLOW\n  rules:\n  - from:\n    - source:\n        principals: [\"cluster.local/ns/default/sa/sleep\"]\n---\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: productpage-via-waypoint\n  namespace: default\nspec:\n  selector:\n    matchLabels:\n      app: productpage\n  action: ALLOW\n  rules:\n  - from:\n    - source:\n        principals: [\"cluster.local/ns/default/sa/waypoint\"]\n```\n\nAttach a DENY to the waypoint the same way (`targetRefs`); keep a ztunnel copy only for callers that\nskip the waypoint.\n\n## Options\n\n| option | type | default | effect |\n| --- | --- | --- | --- |\n| `ignoreNamespaces` | string[] | `[]` | AuthorizationPolicies in these namespaces are not checked (say, a namespace whose ztunnel policies another team owns, or one moving to waypoint policies on its own schedule). |\n\n```yaml\n# .meshlint.yaml\nrules:\n  ztunnel-policy-behind-waypoint: [error, { ignoreNamespaces: [staging] }]\n```\n\n`fixtures/ztunnel-policy-behind-waypoint/options-ignore-namespaces` reports the policy of `default`\nand not the same policy in `staging`; `ok-options-ignore-namespaces` ignores `default`.\n\n## Examples\n\n<!-- examples: allow-client-behind-waypoint (ztunnel-policy.yaml), deny-own-namespace-behind-waypoint (policy.yaml), ok-allow-admits-waypoint-principal (ztunnel-policy.yaml) -->\n<!-- examples:start -->\n\nIncorrect (fixtures/ztunnel-policy-behind-waypoint/allow-client-behind-waypoint):\n\n`ztunnel-policy.yaml`:\n\n```yaml\n# An L4 policy written before the waypoint existed (\"this L4 policy requires no changes for ambient\n# mode\"): it names the client, but the client's requests now reach ztunnel from the waypoint.\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: productpage-from-sleep\n  namespace: default\nspec:\n  selector:\n    matchLabels:\n      app: productpage\n  action: ALLOW\n  rules:\n  - from:\n    - source:\n        principals: [\"cluster.local/ns/default/sa/sleep\"]\n```\n\nAlso in the case, not shown: `bookinfo.yaml`, `namespace.yaml`.\n\nmeshlint reports:\n\n```text\nztunnel-policy.yaml:16:22: AuthorizationPolicy \"productpage-from-sleep\" is enforced by ztunnel on the pods of Service default/productpage (port 9080), which is bound to waypoint default/waypoint: requests the waypoint forwards arrive with its identity cluster.local/ns/default/sa/waypoint, not the client's, and this ALLOW policy does not admit it: ztunnel refuses everything the waypoint carries, so cluster.local/ns/default/sa/sleep, which it admits, and every other caller sent through the waypoint get connection failures. Only callers that reach the pods directly keep their own identity (sidecar clients, clients outside the mesh, calls to a pod address and ingress gateways without istio.io/ingress-use-waypoint). Admit the waypoint's principal in this policy, or match the clients in a targetRefs policy on the waypoint. [ztunnel-policy-behind-waypoint]\n```\n\nIncorrect (fixtures/ztunnel-policy-behind-waypoint/deny-own-namespace-behind-waypoint):\n\n`policy.yaml`:\n\n```yaml\n# Meant: pods of httpbin may not call the httpbin Service. Through the waypoint they present the\n# waypoint's identity, which this ztunnel DENY does not name.\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: deny-same-namespace\n  namespace: httpbin\nspec:\n  selector:\n    matchLabels:\n      app: httpbin\n  action: DENY\n  rules:\n  - from:\n    - source:\n        namespaces: [\"httpbin\"]\n```\n\nAlso in the case, not shown: `httpbin.yaml`.\n\nmeshlint reports:\n\n```text\npolicy.yaml:16:22: AuthorizationPolicy \"deny-same-namespace\" is enforced by ztunnel on the pods of Service httpbin/httpbin (port 8000), which is bound to waypoint waypoints/waypoint: requests the waypoint forwards arrive with its identity cluster.local/ns/waypoints/sa/waypoint, not the client's, so this DENY policy never matches them and Deployment httpbin/curl, which it matches, still gets through the waypoint. It stops only callers that reach the pods directly (sidecar clients, clients outside the mesh, calls to a pod address and ingress gateways without istio.io/ingress-use-waypoint). Attach it to the waypoint with targetRefs. [ztunnel-policy-behind-waypoint]\n```\n\nCorrect (fixtures/ztunnel-policy-behind-waypoint/ok-allow-admits-waypoint-principal):\n\n`ztunnel-policy.yaml`:\n\n```yaml\n# The client's match moved to the waypoint; ztunnel admits the waypoint's identity beside it.\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: productpage-from-sleep\n  namespace: default\nspec:\n  selector:\n    matchLabels:\n      app: productpage\n  action: ALLOW\n  rules:\n  - from:\n    - source:\n        principals:\n        - cluster.local/ns/default/sa/sleep\n        - cluster.local/ns/default/sa/waypoint\n```\n\nAlso in the case, not shown: `bookinfo.yaml`, `namespace.yaml`.\n\nmeshlint reports nothing for this rule.\n\n<!-- examples:end -->\n\n## Sources\n\n- ztunnel `src/proxy/inbound.rs` \u2014 the source identity is read from the HBONE connection's peer\n  certificate (`tls::identity(&x509_cert)`), so behind a waypoint it is the waypoint's.\n- ztunnel `src/rbac.rs` \u2014 DENY, then ALLOW; identity matches (`principals`, `namespaces`,\n  `serviceAccounts`) need an identity.\n- Istio docs, *Use Layer 4 security policy* \u2014 https://istio.io/latest/docs/ambient/usage/l4-policy/\n  (istio/istio.io `content/en/docs/ambient/usage/l4-policy/index.md`): \"traffic arriving at the\n  destination ztunnel will be coming from the waypoint's identity\".\n- istio `pilot/pkg/serviceregistry/ambient/authorization.go` \u2014 only policies without `targetRefs`\n  reach ztunnel.\n- istio `pilot/pkg/serviceregistry/ambient/waypoints.go` \u2014 Service binding, `istio.io/waypoint-for`.\n- istio `pilot/pkg/xds/endpoints/endpoint_builder.go` (`findServiceWaypoint`) and\n  `pilot/pkg/serviceregistry/ambient/services.go` (`ingressUseWaypointFromLabels`) \u2014 only gateways\n  call waypoints, and only for Services labelled `istio.io/ingress-use-waypoint`; sidecars tunnel\n  to the pod.\n\n## Aliases\n\nNone: `istioctl analyze` and Kiali do not compare ztunnel policies with waypoints.\n"
};
var BUILTIN_DOCS_TEXT = '# Built-in diagnostics\n\nThese come from the engine rather than a rule folder. Like rules, they can be set to `off`, `warn`\nor `error` in `.meshlint.yaml` or with `--rule`, except `internal-error`.\n\n## yaml-syntax\nA document does not parse as YAML, or cannot be read safely. Only that document is skipped: the\nother documents of the file, and every other file, are still linted. One diagnostic per document\n(later errors in a broken document are mostly consequences of the first).\n- Parser errors: bad indentation, a tab used for indentation, an unclosed quote. An unclosed flow\n  collection (`[` or `{`) is reported at its opening bracket, not where the parser gave up.\n- A duplicate key: `Duplicate key "metadata" (first on line 20)`, on the second occurrence\n  (Kubernetes rejects such an object; other tools keep one of the values).\n- A standard tag that cannot apply to its value (`!!map [1]`).\n- A map key that is itself a list or a map.\n- An alias bomb ("billion laughs"): an anchor expanded more than 100 times. Since resolving\n  aliases costs time that grows with the square of their number, a document may use at most 1,000\n  aliases and a file 10,000.\n- A document nested more than 256 levels deep (a manifest rarely goes past 20).\n\nAn unknown local tag (`password: !vault secret/x`) is reported too, but the document is not skipped:\nkubectl drops such a tag and applies the text after it as a plain string, and meshlint lints the\ndocument as kubectl reads it. The tag is often left over from a tool that was meant to replace it.\n\nMerge keys (`<<: *defaults`) are applied, as kubectl does. A byte order mark at the start of the\nfile, or at the start of a document after `---` (files concatenated by Helm or `cat`), is ignored.\n\n## schema\nA resource that `kubectl apply` or istiod would reject, or a document that is not a Kubernetes\nobject. Each problem points at the narrowest field it is about and says it in words: which fields\nconflict (`spec sets "selector" and "targetRef": only one of targetRefs or selector can be set`),\nwhich values are allowed (`spec.action must be one of "ALLOW", "DENY", "AUDIT" or "CUSTOM", not\n"ALOW" (did you mean "ALLOW"?)`), never a validator\'s internals. A field set to `null` counts as\nabsent, as the API server prunes it (`match:` with no value is no match).\n\nIstio resources (`networking.istio.io`, `security.istio.io`, `telemetry.istio.io`,\n`extensions.istio.io`) are checked as the API server and istiod check them:\n- **The CRDs of current Istio**, vendored from istio\'s `manifests/charts/base/files/crd-all.gen.yaml`\n  by `scripts/vendor-istio-crds.mjs` into `src/engine/istio-crds/` (which records the Istio version\n  and commit: 1.32-dev, `86c9f01f`, August 2026). New kinds and values are known\n  (`TrafficExtension`, EnvoyFilter `MERGE_AND_REPLACE_LIST`).\n  - A kind the group does not have (`PeerAuthenticaton`, with the likely kind), and a kind at a\n    version Istio does not serve (EnvoyFilter is served only as `networking.istio.io/v1alpha3`).\n  - The OpenAPI schema of `spec`: types, enums, bounds, patterns, required fields, "only one of"\n    groups, and fields the schema does not have (`matchLabel`, with the likely field: `kubectl\n    apply` rejects unknown fields). `x-kubernetes-list-type` lists must not repeat an item or key\n    (two `ports` named `http`).\n  - The CRDs\' CEL rules (`x-kubernetes-validations`), evaluated with\n    [cel-js](https://www.npmjs.com/package/@marcbachmann/cel-js) and Kubernetes\' `url()`/`isURL()`:\n    only one of `selector`/`targetRef`/`targetRefs`, `portLevelMtls` requires a selector, durations\n    of at least 1ms, ports 1\u201365535, no wildcard in selectors, ServiceEntry resolution and endpoints,\n    and the others. A rule that fails to evaluate (a missing key, a bad duration) rejects the object,\n    as in the API server.\n- **istiod\'s validating webhook** (istio `pkg/config/validation/validation.go`,\n  `virtualservice.go`, `agent/validation.go`, `envoyfilter/envoyfilter.go`,\n  `pkg/config/security/security.go`), for what the CRD does not already catch. Fields are read as\n  istiod reads them: an empty string or list is unset, an empty object is set.\n  - AuthorizationPolicy: CUSTOM without `provider.name` or without `rules`, CUSTOM with identity\n    fields (`principals`, `namespaces`, `serviceAccounts`, `trustDomains`, `requestPrincipals` and\n    their `not` forms) or identity conditions, `provider` with another action, DENY without `rules`\n    (`rules: []` is none), a `from` without `source` or a `to` without `operation`, an empty\n    `source`/`operation`, empty values, bad IPs and CIDR ranges, ports, service accounts\n    (`sa` or `namespace/sa`, no wildcard, at most 16), trust domains (one `*` at an end, no `/`),\n    path templates (`{*}`/`{**}` as whole segments, `{**}` last), condition keys istiod does not know\n    (with the likely key), conditions without values, and a `targetRef` to a kind a policy cannot\n    target.\n  - RequestAuthentication: a JWT rule without `issuer` or `jwksUri`, inline `jwks` that is not JSON.\n  - DestinationRule: a `host` that is not a DNS name, an empty traffic policy, `tunnel` with\n    `proxyProtocol`, client TLS fields that conflict (`credentialName` with certificate files,\n    `insecureSkipVerify` with `caCertificates`/`subjectAltNames`, MUTUAL without a client\n    certificate and key), subset names that are not DNS labels or repeat, bad subset labels, and\n    `exportTo` of a DestinationRule with a `workloadSelector` beyond its namespace. In each traffic\n    policy (and port-level one): a connection pool without settings or with negative limits,\n    `useClientProtocol` with `h2UpgradePolicy: UPGRADE`, an HTTP/2 keepalive without interval or\n    timeout, `consecutiveLocalOriginFailures` without `splitExternalLocalOriginErrors`, percentages\n    outside 0\u2013100, a consistent-hash cookie without a name or with repeated attributes, a Maglev\n    table size that is not a prime below 5000011, `minimumRingSize` with `maglev`/`ringHash`,\n    `localityLbSetting` with `zoneAwareLbSetting`, locality `distribute` with `failover`, weights\n    that do not add up to 100, a failover to the same region or with a zone or `*`, topology labels\n    in `failoverPriority` with `failover`, a tunnel protocol other than CONNECT/POST or a bad target,\n    a proxy protocol version other than V1/V2; warnings for failover without `outlierDetection`\n    (traffic never fails over) and deprecated fields.\n  - VirtualService: host names (`*` only on gateways; the `outbound_.<port>_._.<host>` form with\n    SNI), hosts that overlap, no `http`/`tcp`/`tls` routes, a delegate with `gateways`, `tls` or\n    `tcp`, gateway names (`namespace/name`; a warning for the legacy `name.namespace`), JWT claim\n    routing without gateways; per HTTP route: route, redirect, direct response and delegate\n    conflicts, `mirror` with `mirrors`, header names in matches, empty prefixes, regular expressions\n    RE2 rejects (lookarounds, backreferences, unbalanced groups, more than 1024 characters), match\n    ports, source labels and namespaces, header operations on `Host` or pseudo-headers and values\n    with an unterminated `%VARIABLE%`, the authority rewritten twice, CORS methods, origins and\n    header names, faults (no abort or delay, statuses, gRPC status names, unsupported HTTP/2 errors\n    and exponential delays, percentages), redirects (uri with prefixRewrite, prefixRewrite on\n    non-prefix matches, nothing to change, codes that are not 3xx, schemes), direct response\n    statuses and bodies over 1MB (a warning over 100KB), retries (a policy without attempts,\n    `retryOn` values Envoy does not know), rewrites, destinations (host `*`, subset names, port 0)\n    and several destinations without weights; warnings for the deprecated `mirrorPercent` and\n    `fault.delay.percent` (istioctl\'s IST0002; its other IST0002 finding, Sidecar `egressProxy`\n    "ignored", is not repeated: istiod routes through it, pilot/pkg/networking/core/httproute.go); per TLS route: SNI hosts (an IP is a warning) that\n    fall outside the hosts; subnets and ports of TLS and TCP matches.\n  - Gateway: a name that is not a DNS label, no servers, hosts (`namespace/host`, no short names or\n    partial wildcards), ports (protocol, number, name, `targetPort`; names unique across servers),\n    `bind`, an HTTPS/TLS server without `tls`, certificates on a plain-text server, and the server\n    TLS settings (shared with Sidecar ingress): certificate fields with ISTIO_MUTUAL, more than one\n    certificate source, SIMPLE/MUTUAL without a certificate and key or a `credentialName`, MUTUAL\n    without a CA, `caCrl` with SIMPLE or `credentialName`; warnings for certificates with\n    PASSTHROUGH, TLS 1.0/1.1 without cipher suites, unknown or repeated cipher suites, more than two\n    `tlsCertificates`, and `httpsRedirect` on a non-HTTP server.\n  - Sidecar: an empty Sidecar, egress hosts (`namespace/host`, `~` to exclude), the catch-all\n    listener not last, repeated ports or unix sockets, port names and protocols, unix socket binds\n    and capture modes, ingress default endpoints, ingress TLS (no `credentialName`, `httpsRedirect`,\n    ISTIO_MUTUAL), `egressProxy` without ALLOW_ANY; warnings for hosts an earlier host covers and\n    HTTP pool settings on a non-HTTP port.\n  - ServiceEntry, WorkloadEntry, WorkloadGroup: host names (a partial wildcard is a warning),\n    addresses, port names and protocols, wildcard hosts with DNS resolution and no endpoints,\n    endpoint addresses (IPs for STATIC, host names or IPs for DNS) and ports the ServiceEntry\n    declares, several hosts on a plain TCP port, DYNAMIC_DNS constraints, unix socket endpoints,\n    endpoints without address or network, labels, probe headers; warnings for a TCP port without\n    addresses where IP auto-allocation is off, a `workloadSelector` with resolution NONE, an\n    endpoint with only a network.\n  - Telemetry: a metric tag override without a value (UPSERT is the default); warnings for more\n    than one tracing entry or provider. Telemetry, WasmPlugin and TrafficExtension: a `targetRef`\n    to a kind a policy cannot target.\n  - EnvoyFilter: a patch without `applyTo`, `patch`, operation or (but for REMOVE) value, a\n    `proxyVersion` RE2 rejects, a match that does not fit `applyTo` (a cluster match for a listener\n    patch), a filter match without a name, a `subFilter` outside HTTP_FILTER or the HTTP connection\n    manager. Not checked: whether a patch\'s value is a valid Envoy message (that takes Envoy\'s\n    protos), and istiod\'s blanket warning that EnvoyFilter exposes internals.\n  - Left to the rules: istiod\'s warnings of unreachable VirtualService routes (IST0130/IST0131\n    match analysis).\n  - `exportTo` (DestinationRule, VirtualService, ServiceEntry): entries that are not `.`, `*` or a\n    namespace, repeats (`.` and the resource\'s own namespace, when the manifest names it), `*` with\n    other entries, `~` outside a ServiceEntry or with other entries.\n  - istiod\'s warnings are `schema` warnings: a workload selector without labels (it selects the\n    whole namespace), private key material in inline `jwks`. Its warning that a DENY rule of only\n    HTTP attributes denies all TCP traffic is left to the rules: what such a rule does depends on the\n    proxy that enforces it (a sidecar\'s TCP ports deny all; ztunnel never matches it, which\n    `ztunnel-l7-policy` reports).\n- In a group that looks like Istio\'s but is not (`securty.istio.io`, a typo of the group), a kind\n  close to an Istio kind (`AuthorisationPolicy`) is reported with the likely intended kind. Other\n  unknown kinds, in any other group, are ignored quietly.\n- Other resources: the fields the model reads must have their Kubernetes types \u2014 `metadata`\n  (`name`, `namespace`, `labels` and `annotations` with string values: `version: 2` must be quoted),\n  the pod template of workloads (`labels`, `serviceAccountName`, `containers[].ports[].containerPort`,\n  `hostNetwork`), `spec.selector.matchLabels`, and a Service\'s `selector` and `ports`. Without this, a\n  `labels: 5` or a `selector: "x"` would silently read as "no labels" or "no selector". This is not a\n  full Kubernetes schema. A field set to `null` counts as absent, as for the API server.\n- A document that is not a Kubernetes object (a bare list, a scalar, a map without `apiVersion` and\n  `kind`, or with `apiVersion` but no `kind`, such as Helm\'s `Chart.yaml`) is reported as a warning\n  and skipped. An `apiVersion` or `kind` that is not a string, or the `items` of a `List` that are\n  not a list, are errors.\n\n## duplicate-resource\nTwo objects of the same API group, kind, namespace and name in one run (a warning). The cluster\nholds one object per such key, so whichever is applied last silently replaces the other: a\ncopy-paste that kept the name, or a kustomize base and its rendered overlay linted together. The\nsecond is reported at its `metadata.name`, with the first as related location. The API version is\nnot part of the key (`networking.istio.io/v1` and `v1beta1` are one stored object); objects\nwithout a name (`generateName`) are not compared, and identical copies (the same Namespace\ndeclared by two apps\' folders) are not reported, since either gives the same object. If the folder holds both a base and its overlay\non purpose, lint them separately or list one in `.meshlintignore`.\n\n## empty-file\nA file holds no Kubernetes object: it is empty, holds only comments, or only empty documents. A\nwarning, because such a file is often the output of a generator that failed\n(`helm template \u2026 > rendered.yaml`), which would otherwise pass the lint silently. Turn it off with\n`--rule empty-file:off` where empty placeholder files are intended.\n\n## unreadable-file\nA path that cannot be linted; every other file is still linted.\n- Permission denied, a symbolic link that is broken or loops (`too many levels of symbolic links`).\n  A folder reached twice through links is walked once.\n- A binary file (NUL bytes in its first 8 KiB), a UTF-16 file (a UTF-16 byte order mark), or bytes\n  that are not UTF-8, reported at the first bad byte (`byte 0xE9 on line 4`: probably Latin-1).\n- A file over 32 MiB, reported without reading it. Only the first 32 MiB (and one byte) of a pipe, a\n  device or standard input are read: `meshlint /dev/zero` ends at once.\n\nA command-line argument that does not exist is a usage error instead: it is named on stderr, the\nother paths are linted, and the exit code is 2.\n\n## unused-disable-directive\nA `# meshlint-disable\u2026` comment, or an entry of a `meshlint.io/ignore` annotation, that silenced no\nproblem: the finding it was written for is gone (or never existed, or the name is misspelt), and the\ndirective would silently hide the next one. Reported only with `--report-unused-disable-directives`,\nat the comment or annotation, once per unused rule name. `galley.istio.io/analyze-suppress` and\n`kiali.io/ignore-validations` are never reported: they also serve istioctl and Kiali. This\ndiagnostic cannot itself be suppressed.\n\n## internal-error\nA rule threw on some resource (or returned a promise: rules are synchronous). The message names the\nrule and the resource, at the resource\'s first line; every other rule\'s findings, and the failing\nrule\'s findings up to the crash, are still reported, and the exit code is 2 because the run is\nincomplete. A failure that belongs to no resource is reported on the pseudo-file `<meshlint>`; a\nresource the model cannot be built with is left out and reported the same way. Please report it.\n';

// src/report/catalog.ts
function ruleCatalog(rules) {
  const out = rules.map((r) => ({ id: r.id, meta: r.meta, url: r.url, docs: RULE_DOCS[r.id], messages: r.definition.meta.messages, builtin: false }));
  const sections = BUILTIN_DOCS_TEXT.split(/^## /m);
  for (const [id, meta] of Object.entries(BUILTIN)) {
    if (out.some((r) => r.id === id)) continue;
    const section = sections.find((s) => s.startsWith(`${id}
`));
    out.push({ id, meta, url: builtinUrl(id), docs: section ? `## ${section.trimEnd()}
` : void 0, builtin: true });
  }
  return out;
}
function firstParagraph(markdown, heading) {
  if (!markdown) return void 0;
  const at3 = markdown.search(new RegExp(`^## ${heading}\\s*$`, "m"));
  if (at3 === -1) return void 0;
  const body = markdown.slice(at3).split("\n").slice(1).join("\n").trimStart();
  const para = body.split(/\n\s*\n/)[0]?.trim();
  if (!para || para.startsWith("#")) return void 0;
  return para.replace(/\s*\n\s*/g, " ");
}

// src/report/formatters/sarif.ts
var SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
var sarif = (results, ctx) => {
  const catalog = ruleCatalog(ctx.rules);
  const index = new Map(catalog.map((r, i) => [r.id, i]));
  const messages = new Map(catalog.flatMap((r) => r.messages ? [[r.id, r.messages]] : []));
  const base = ctx.sarifBase ?? ctx.cwd;
  const out = [];
  let fatal = false;
  for (const file of results) {
    const uri = artifactUri(file.filePath, base);
    const seen = /* @__PURE__ */ new Map();
    for (const m of file.messages) {
      if (m.ruleId === "internal-error") fatal = true;
      const key2 = `${m.ruleId}\0${uri}\0${m.message}`;
      const n = seen.get(key2) ?? 0;
      seen.set(key2, n + 1);
      out.push(toResult(m, uri, base, index.get(m.ruleId), `${key2}\0${n}`, messages));
    }
  }
  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "meshlint",
            version: ctx.version,
            semanticVersion: ctx.version,
            informationUri: HOMEPAGE,
            rules: catalog.map(toDescriptor)
          }
        },
        invocations: [{ executionSuccessful: !fatal }],
        columnKind: "utf16CodeUnits",
        results: out
      }
    ]
  };
  return `${JSON.stringify(log, null, 2)}
`;
};
function toResult(m, uri, base, ruleIndex, fingerprint, messages) {
  const result = {
    ruleId: m.ruleId,
    ...ruleIndex !== void 0 ? { ruleIndex } : {},
    level: m.severity === 2 ? "error" : "warning",
    message: m.messageId ? { text: m.message, id: m.messageId, arguments: messageArguments(m, messages) } : { text: m.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: uri,
          region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn }
        }
      }
    ],
    // Independent of line numbers, so an alert survives edits above it; the ordinal separates
    // identical findings in one file.
    partialFingerprints: { "meshlint/v1": createHash("sha256").update(fingerprint).digest("hex").slice(0, 32) }
  };
  if (m.related?.length) {
    result.relatedLocations = m.related.map((r, i) => ({
      id: i + 1,
      message: { text: r.message },
      physicalLocation: { artifactLocation: artifactUri(r.file, base), region: { startLine: r.line, startColumn: r.column } }
    }));
  }
  const edits = m.suggestions?.filter((s) => s.edit) ?? [];
  if (edits.length) {
    result.fixes = edits.map((s) => ({
      description: { text: s.desc },
      artifactChanges: [{ artifactLocation: uri, replacements: [{ deletedRegion: { charOffset: s.edit.range[0], charLength: s.edit.range[1] - s.edit.range[0] }, insertedContent: { text: s.edit.text } }] }]
    }));
  }
  if (m.suggestions?.length || m.assumptions?.length) {
    const suggestions = m.suggestions?.map((s) => ({ desc: s.desc, fix: s.fix }));
    result.properties = { ...suggestions?.length ? { suggestions } : {}, ...m.assumptions?.length ? { assumptions: m.assumptions } : {} };
  }
  return result;
}
function toDescriptor(r) {
  const full = firstParagraph(r.docs, "What happens at runtime") ?? (r.builtin && r.docs ? r.docs.split("\n").slice(1).join("\n").trim().split(/\n\s*\n/)[0]?.replace(/\s*\n\s*/g, " ") : void 0) ?? r.meta.description;
  const docs = r.docs ? r.docs.trimEnd() : `# ${r.id}

${r.meta.description}`;
  return {
    id: r.id,
    name: ruleName(r.id),
    shortDescription: { text: r.meta.description },
    fullDescription: { text: full },
    helpUri: r.url,
    help: {
      text: `${r.meta.description}

Documentation: ${r.url}`,
      markdown: `${docs}

[Documentation for ${r.id}](${r.url})
`
    },
    defaultConfiguration: { level: r.meta.severity === "error" ? "error" : "warning" },
    properties: { tags: [...r.meta.tags ?? []] },
    ...r.messages && Object.keys(r.messages).length > 0 ? { messageStrings: messageStrings(r.messages) } : {}
  };
}
function artifactUri(file, base) {
  if (file.startsWith("<")) return { uri: encodeURIComponent(file) };
  const rel = relative2(base, file);
  if (rel === "" || rel.startsWith("..") || isAbsolute3(rel)) return { uri: pathToFileURL2(file).href };
  return { uri: rel.split(sep2).map(encodeURIComponent).join("/"), uriBaseId: "%SRCROOT%" };
}
function ruleName(id) {
  const name = id.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase());
  return name.toLowerCase() === id.toLowerCase() ? `${name}Check` : name;
}
function messageArguments(m, messages) {
  const template = messages.get(m.ruleId)?.[m.messageId] ?? "";
  const names3 = [];
  for (const [, name] of template.matchAll(/\{\{\s*([^{}]+?)\s*\}\}/g)) if (!names3.includes(name)) names3.push(name);
  return names3.map((n) => String(m.messageData?.[n] ?? ""));
}
function messageStrings(messages) {
  const out = {};
  for (const [id, template] of Object.entries(messages)) {
    const names3 = [];
    const text = template.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (_, name) => {
      if (!names3.includes(name)) names3.push(name);
      return `{${names3.indexOf(name)}}`;
    });
    out[id] = { text: text.endsWith(".") ? text : `${text}.` };
  }
  return out;
}

// src/report/formatters/stylish.ts
import { relative as relative3 } from "node:path";

// node_modules/ansi-regex/index.js
var ST = String.raw`(?:\u001B\u005C|\u009C)`;
var stringControls = String.raw`\u0018\u001A\u001B\u0080-\u009F`;
var osc = String.raw`(?:\u001B\]|\u009D)[^\u0007${stringControls}]*(?:\u0007|${ST})`;
var controlString = String.raw`(?:\u001B[PX^_k]|[\u0090\u0098\u009E\u009F])[^${stringControls}]*${ST}`;
var linuxPalette = String.raw`\u001B\](?:P[\dA-Fa-f]{7}|R)(?:\u0007|${ST})?`;
var csi = String.raw`(?:\u001B\[|\u009B)[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]`;
var escape = String.raw`\u001B(?:[\u0020-\u002F]+[\u0030-\u007E]|[\dA-PR-TZcf-oq-uy=><~|}])`;
var pattern = `${linuxPalette}|${osc}|${controlString}|${csi}|${escape}`;
function ansiRegex({ onlyFirst = false } = {}) {
  return new RegExp(pattern, onlyFirst ? void 0 : "g");
}

// node_modules/strip-ansi/index.js
var regex = ansiRegex();
function stripAnsi(string) {
  if (typeof string !== "string") {
    throw new TypeError(`Expected a \`string\`, got \`${typeof string}\``);
  }
  if (!string.includes("\x1B") && !string.includes("\x9B")) {
    return string;
  }
  return string.replace(regex, "");
}

// node_modules/string-width/index.js
var import_eastasianwidth = __toESM(require_eastasianwidth(), 1);
var import_emoji_regex = __toESM(require_emoji_regex(), 1);
function stringWidth(string, options) {
  if (typeof string !== "string" || string.length === 0) {
    return 0;
  }
  options = {
    ambiguousIsNarrow: true,
    countAnsiEscapeCodes: false,
    ...options
  };
  if (!options.countAnsiEscapeCodes) {
    string = stripAnsi(string);
  }
  if (string.length === 0) {
    return 0;
  }
  const ambiguousCharacterWidth = options.ambiguousIsNarrow ? 1 : 2;
  let width = 0;
  for (const { segment: character } of new Intl.Segmenter().segment(string)) {
    const codePoint = character.codePointAt(0);
    if (codePoint <= 31 || codePoint >= 127 && codePoint <= 159) {
      continue;
    }
    if (codePoint >= 768 && codePoint <= 879) {
      continue;
    }
    if ((0, import_emoji_regex.default)().test(character)) {
      width += 2;
      continue;
    }
    const code = import_eastasianwidth.default.eastAsianWidth(character);
    switch (code) {
      case "F":
      case "W": {
        width += 2;
        break;
      }
      case "A": {
        width += ambiguousCharacterWidth;
        break;
      }
      default: {
        width += 1;
      }
    }
  }
  return width;
}

// node_modules/vfile-sort/lib/index.js
function compareFile(a, b) {
  return compareString(a, b, "path");
}
function compareMessage(a, b) {
  return compareNumber(a, b, "line") || compareNumber(a, b, "column") || compareBoolean(a, b, "fatal") || compareString(a, b, "source") || compareString(a, b, "ruleId") || compareString(a, b, "reason");
}
function compareBoolean(a, b, field) {
  return scoreNullableBoolean(a[field]) - scoreNullableBoolean(b[field]);
}
function compareNumber(a, b, field) {
  return (a[field] || 0) - (b[field] || 0);
}
function compareString(a, b, field) {
  return String(a[field] || "").localeCompare(String(b[field] || ""));
}
function scoreNullableBoolean(value) {
  return value ? 0 : value === false ? 1 : 2;
}

// node_modules/vfile-statistics/lib/index.js
function statistics(value) {
  const result = { fatal: 0, warn: 0, info: 0 };
  if (!value) {
    throw new TypeError(
      "Expected file or message for `value`, not `" + value + "`"
    );
  }
  if (Array.isArray(value)) {
    list(value);
  } else {
    one(value);
  }
  return {
    fatal: result.fatal,
    nonfatal: result.warn + result.info,
    warn: result.warn,
    info: result.info,
    total: result.fatal + result.warn + result.info
  };
  function list(value2) {
    let index = -1;
    while (++index < value2.length) {
      one(value2[index]);
    }
  }
  function one(value2) {
    if ("messages" in value2) return list(value2.messages);
    result[value2.fatal ? "fatal" : value2.fatal === false ? "warn" : "info"]++;
  }
}

// node_modules/supports-color/index.js
import process2 from "node:process";
import os from "node:os";
import tty from "node:tty";
function hasFlag(flag, argv = globalThis.Deno ? globalThis.Deno.args : process2.argv) {
  const prefix = flag.startsWith("-") ? "" : flag.length === 1 ? "-" : "--";
  const position = argv.indexOf(prefix + flag);
  const terminatorPosition = argv.indexOf("--");
  return position !== -1 && (terminatorPosition === -1 || position < terminatorPosition);
}
var { env } = process2;
var flagForceColor;
if (hasFlag("no-color") || hasFlag("no-colors") || hasFlag("color=false") || hasFlag("color=never")) {
  flagForceColor = 0;
} else if (hasFlag("color") || hasFlag("colors") || hasFlag("color=true") || hasFlag("color=always")) {
  flagForceColor = 1;
}
function envForceColor() {
  if ("FORCE_COLOR" in env) {
    if (env.FORCE_COLOR === "true") {
      return 1;
    }
    if (env.FORCE_COLOR === "false") {
      return 0;
    }
    return env.FORCE_COLOR.length === 0 ? 1 : Math.min(Number.parseInt(env.FORCE_COLOR, 10), 3);
  }
}
function translateLevel(level) {
  if (level === 0) {
    return false;
  }
  return {
    level,
    hasBasic: true,
    has256: level >= 2,
    has16m: level >= 3
  };
}
function _supportsColor(haveStream, { streamIsTTY, sniffFlags = true } = {}) {
  const noFlagForceColor = envForceColor();
  if (noFlagForceColor !== void 0) {
    flagForceColor = noFlagForceColor;
  }
  const forceColor = sniffFlags ? flagForceColor : noFlagForceColor;
  if (forceColor === 0) {
    return 0;
  }
  if (sniffFlags) {
    if (hasFlag("color=16m") || hasFlag("color=full") || hasFlag("color=truecolor")) {
      return 3;
    }
    if (hasFlag("color=256")) {
      return 2;
    }
  }
  if ("TF_BUILD" in env && "AGENT_NAME" in env) {
    return 1;
  }
  if (haveStream && !streamIsTTY && forceColor === void 0) {
    return 0;
  }
  const min = forceColor || 0;
  if (env.TERM === "dumb") {
    return min;
  }
  if (process2.platform === "win32") {
    const osRelease = os.release().split(".");
    if (Number(osRelease[0]) >= 10 && Number(osRelease[2]) >= 10586) {
      return Number(osRelease[2]) >= 14931 ? 3 : 2;
    }
    return 1;
  }
  if ("CI" in env) {
    if ("GITHUB_ACTIONS" in env || "GITEA_ACTIONS" in env) {
      return 3;
    }
    if (["TRAVIS", "CIRCLECI", "APPVEYOR", "GITLAB_CI", "BUILDKITE", "DRONE"].some((sign) => sign in env) || env.CI_NAME === "codeship") {
      return 1;
    }
    return min;
  }
  if ("TEAMCITY_VERSION" in env) {
    return /^(9\.(0*[1-9]\d*)\.|\d{2,}\.)/.test(env.TEAMCITY_VERSION) ? 1 : 0;
  }
  if (env.COLORTERM === "truecolor") {
    return 3;
  }
  if (env.TERM === "xterm-kitty") {
    return 3;
  }
  if ("TERM_PROGRAM" in env) {
    const version = Number.parseInt((env.TERM_PROGRAM_VERSION || "").split(".")[0], 10);
    switch (env.TERM_PROGRAM) {
      case "iTerm.app": {
        return version >= 3 ? 3 : 2;
      }
      case "Apple_Terminal": {
        return 2;
      }
    }
  }
  if (/-256(color)?$/i.test(env.TERM)) {
    return 2;
  }
  if (/^screen|^xterm|^vt100|^vt220|^rxvt|color|ansi|cygwin|linux/i.test(env.TERM)) {
    return 1;
  }
  if ("COLORTERM" in env) {
    return 1;
  }
  return min;
}
function createSupportsColor(stream, options = {}) {
  const level = _supportsColor(stream, {
    streamIsTTY: stream && stream.isTTY,
    ...options
  });
  return translateLevel(level);
}
var supportsColor = {
  stdout: createSupportsColor({ isTTY: tty.isatty(1) }),
  stderr: createSupportsColor({ isTTY: tty.isatty(2) })
};
var supports_color_default = supportsColor;

// node_modules/vfile-reporter/lib/color.node.js
var color = supports_color_default.stderr.hasBasic;

// node_modules/vfile-reporter/lib/index.js
var eol = /\r?\n|\r/;
function reporter(files, options) {
  if (
    // Nothing.
    !files || // Error.
    "name" in files && "message" in files
  ) {
    throw new TypeError(
      "Unexpected value for `files`, expected one or more `VFile`s"
    );
  }
  const settings = options || {};
  const colorEnabled = typeof settings.color === "boolean" ? settings.color : color;
  let oneFileMode = false;
  if (Array.isArray(files)) {
  } else {
    oneFileMode = true;
    files = [files];
  }
  return serializeRows(
    createRows(
      {
        defaultName: settings.defaultName || void 0,
        oneFileMode,
        quiet: settings.quiet || false,
        silent: settings.silent || false,
        traceLimit: typeof settings.traceLimit === "number" ? settings.traceLimit : 10,
        verbose: settings.verbose || false,
        bold: colorEnabled ? "\x1B[1m" : "",
        underline: colorEnabled ? "\x1B[4m" : "",
        normalIntensity: colorEnabled ? "\x1B[22m" : "",
        noUnderline: colorEnabled ? "\x1B[24m" : "",
        red: colorEnabled ? "\x1B[31m" : "",
        cyan: colorEnabled ? "\x1B[36m" : "",
        green: colorEnabled ? "\x1B[32m" : "",
        yellow: colorEnabled ? "\x1B[33m" : "",
        defaultColor: colorEnabled ? "\x1B[39m" : ""
      },
      files
    )
  );
}
function createAncestorsLines(state, ancestors) {
  const min = ancestors.length > state.traceLimit ? ancestors.length - state.traceLimit : 0;
  let index = ancestors.length;
  const lines = [];
  if (index > min) {
    lines.unshift("  " + state.bold + "[trace]" + state.normalIntensity + ":");
  }
  while (index-- > min) {
    const node = ancestors[index];
    const value = node;
    const name = (
      // `hast`
      typeof value.tagName === "string" ? value.tagName : (
        // `xast` (and MDX JSX elements)
        typeof value.name === "string" ? value.name : void 0
      )
    );
    const position = stringifyPosition(node.position);
    lines.push(
      "    at " + state.yellow + node.type + (name ? "<" + name + ">" : "") + state.defaultColor + (position ? " (" + position + ")" : "")
    );
  }
  return lines;
}
function createByline(state, stats) {
  let result = "";
  if (stats.fatal) {
    result = state.red + "\u2716" + state.defaultColor + " " + stats.fatal + " " + (fatalToLabel(true) + (stats.fatal === 1 ? "" : "s"));
  }
  if (stats.warn) {
    result = (result ? result + ", " : "") + (state.yellow + "\u26A0" + state.defaultColor) + " " + stats.warn + " " + (fatalToLabel(false) + (stats.warn === 1 ? "" : "s"));
  }
  if (stats.total !== stats.fatal && stats.total !== stats.warn) {
    result = stats.total + " messages (" + result + ")";
  }
  return result;
}
function createCauseLines(state, cause) {
  const lines = ["  " + state.bold + "[cause]" + state.normalIntensity + ":"];
  let foundReasonableCause = false;
  if (cause !== null && typeof cause === "object") {
    const stackValue = ("stack" in cause ? String(cause.stack) : void 0) || ("message" in cause ? String(cause.message) : void 0);
    if (typeof stackValue === "string") {
      foundReasonableCause = true;
      let causeLines;
      if ("file" in cause && "fatal" in cause) {
        causeLines = createMessageLine(
          state,
          /** @type {VFileMessage} */
          cause
        );
      } else {
        causeLines = stackValue.split(eol);
        if ("cause" in cause && cause.cause) {
          causeLines.push(...createCauseLines(state, cause.cause));
        }
      }
      const head = causeLines[0];
      if (typeof head === "string") {
        causeLines[0] = "    " + head;
      } else {
        head[0] = "    " + head[0];
      }
      lines.push(...causeLines);
    }
  }
  if (!foundReasonableCause) {
    lines.push("    " + cause);
  }
  return lines;
}
function createFileLine(state, file) {
  const stats = statistics(file.messages);
  const fromPath = file.history[0];
  const toPath = file.path;
  let left = "";
  let right = "";
  if (!state.oneFileMode || state.defaultName || fromPath) {
    const name = fromPath || state.defaultName || "<stdin>";
    left = state.underline + (stats.fatal ? state.red : stats.total ? state.yellow : state.green) + name + state.defaultColor + state.noUnderline + (file.stored && name !== toPath ? " > " + toPath : "");
  }
  if (file.stored) {
    right = state.yellow + "written" + state.defaultColor;
  } else if (!stats.total) {
    right = "no issues found";
  }
  return left && right ? left + ": " + right : left + right;
}
function createNoteLines(state, note) {
  const noteLines = note.split(eol);
  let index = -1;
  while (++index < noteLines.length) {
    noteLines[index] = "    " + noteLines[index];
  }
  return [
    "  " + state.bold + "[note]" + state.normalIntensity + ":",
    ...noteLines
  ];
}
function createMessageLine(state, message2) {
  const label7 = fatalToLabel(message2.fatal);
  let reason2 = message2.stack || message2.message;
  const match = eol.exec(reason2);
  let rest = [];
  if (match) {
    rest = reason2.slice(match.index + 1).split(eol);
    reason2 = reason2.slice(0, match.index);
  }
  const place = message2.place || message2.position;
  const row = [
    stringifyPosition(place),
    (label7 === "error" ? state.red : state.yellow) + label7 + state.defaultColor,
    formatReason(state, reason2),
    message2.ruleId || "",
    message2.source || ""
  ];
  if (message2.cause) {
    rest.push(...createCauseLines(state, message2.cause));
  }
  if (state.verbose && message2.url) {
    rest.push(...createUrlLines(state, message2.url));
  }
  if (state.verbose && message2.note) {
    rest.push(...createNoteLines(state, message2.note));
  }
  if (state.verbose && message2.ancestors) {
    rest.push(...createAncestorsLines(state, message2.ancestors));
  }
  return [row, ...rest];
}
function createRows(state, files) {
  const sortedFiles = [...files].sort(compareFile);
  const all = [];
  let index = -1;
  const rows = [];
  let lastWasMessage = false;
  while (++index < sortedFiles.length) {
    const file = sortedFiles[index];
    const messages = [...file.messages].sort(compareMessage);
    const messageRows = [];
    let offset = -1;
    while (++offset < messages.length) {
      const message2 = messages[offset];
      if (!state.silent || message2.fatal) {
        all.push(message2);
        messageRows.push(...createMessageLine(state, message2));
      }
    }
    if (!state.quiet && !state.silent || messageRows.length > 0) {
      const line = createFileLine(state, file);
      if (lastWasMessage && line) rows.push("");
      if (line) rows.push(line);
      if (messageRows.length > 0) rows.push(...messageRows);
      lastWasMessage = messageRows.length > 0;
    }
  }
  const stats = statistics(all);
  if (stats.fatal || stats.warn) {
    rows.push("", createByline(state, stats));
  }
  return rows;
}
function createUrlLines(state, url) {
  return [
    "  " + state.bold + "[url]" + state.normalIntensity + ":",
    "    " + url
  ];
}
function formatReason(state, reason2) {
  const result = [];
  const splits = [];
  let index = reason2.indexOf("`");
  while (index !== -1) {
    const split = { index, size: 1 };
    splits.push(split);
    while (reason2.codePointAt(index + 1) === 96) {
      split.size++;
      index++;
    }
    index = reason2.indexOf("`", index + 1);
  }
  index = -1;
  let textStart = 0;
  while (++index < splits.length) {
    let closeIndex = index;
    let close;
    while (++closeIndex < splits.length) {
      if (splits[index].size === splits[closeIndex].size) {
        close = splits[closeIndex];
        break;
      }
    }
    if (close) {
      const codeStart = splits[index].index;
      const codeEnd = close.index + close.size;
      result.push(
        reason2.slice(textStart, codeStart) + state.cyan + reason2.slice(codeStart, codeEnd) + state.defaultColor
      );
      textStart = codeEnd;
      index = closeIndex;
    }
  }
  result.push(reason2.slice(textStart));
  return state.bold + result.join("") + state.normalIntensity;
}
function fatalToLabel(value) {
  return value ? "error" : value === false ? "warning" : "info";
}
function serializeRows(rows) {
  const sizes = [];
  let index = -1;
  while (++index < rows.length) {
    const row = rows[index];
    if (typeof row === "string") {
    } else {
      let cellIndex = -1;
      while (++cellIndex < row.length) {
        const current = sizes[cellIndex] || 0;
        const size = stringWidth(row[cellIndex]);
        if (size > current) {
          sizes[cellIndex] = size;
        }
      }
    }
  }
  const lines = [];
  index = -1;
  while (++index < rows.length) {
    const row = rows[index];
    let line = "";
    if (typeof row === "string") {
      line = row;
    } else {
      let cellIndex = -1;
      while (++cellIndex < row.length) {
        const cell = row[cellIndex] || "";
        const max = (sizes[cellIndex] || 0) + 1;
        line += cell + " ".repeat(max - stringWidth(cell));
      }
    }
    lines.push(line.trimEnd());
  }
  return lines.join("\n");
}

// src/report/formatters/stylish.ts
var MESSAGE_WIDTH = 80;
var INDENT = "    ";
function wrap(text, width = MESSAGE_WIDTH) {
  const lines = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.map((l, i) => i === 0 ? l : `${INDENT}${l}`).join("\n");
}
var stylish = (results, ctx) => {
  const files = results.filter((r) => r.messages.length > 0).map((r) => {
    const file = new VFile({ path: r.filePath.startsWith("<") ? r.filePath : relative3(ctx.cwd, r.filePath) || r.filePath });
    for (const m of r.messages) {
      const msg = file.message(wrap(m.message), {
        place: { start: { line: m.line, column: m.column }, end: { line: m.endLine, column: m.endColumn } },
        ruleId: m.ruleId,
        source: "meshlint"
      });
      msg.fatal = m.severity === 2 ? true : false;
      if (m.url) msg.url = m.url;
    }
    return file;
  });
  if (files.length === 0) return "";
  return `${reporter(files, { color: ctx.color })}
`;
};

// src/report/formatters/index.ts
var FORMATTERS = { stylish, json, sarif, github };

// src/index.ts
function createProcessor2(options = {}) {
  return createProcessor({ ...options, rules: RULES });
}
async function lint2(paths, options = {}) {
  const cwd = options.cwd ?? process.cwd();
  const config = resolveConfig({ config: options.configFile, configLookup: options.configLookup }, cwd);
  const rules = [...RULES, ...await loadPlugins(config, { allowed: options.plugins === true })];
  validateRuleOptions(config, rules);
  checkApiRules(options.rules ?? {}, rules);
  const result = await lint({
    cwd,
    patterns: paths,
    stdin: options.stdin,
    config,
    cliRules: options.rules && Object.fromEntries(Object.entries(options.rules).map(([id, sev]) => [id, normalizeSeverity(sev)])),
    mesh: options.mesh,
    rules,
    processor: options.processor,
    inlineConfig: options.inlineConfig,
    reportUnusedDisableDirectives: options.reportUnusedDisableDirectives
  });
  if (result.missing.length > 0) throw new Error(`no such file or folder: ${result.missing.join(", ")}`);
  return result.results;
}
function checkApiRules(given, rules) {
  const known2 = [...Object.keys(BUILTIN), ...rules.map((r) => r.id)];
  for (const [id, severity] of Object.entries(given)) {
    if (!known2.includes(id)) {
      const near = closest(id, known2);
      throw new Error(`rules: unknown rule "${id}"${near ? ` (did you mean "${near}"?)` : ""}`);
    }
    if (!["off", "warn", "error", 0, 1, 2].includes(severity)) throw new Error(`rules.${id}: the severity is off, warn or error (or 0, 1, 2), not ${JSON.stringify(severity)}`);
  }
}
function formatResults(results, format, options = {}) {
  const formatter = FORMATTERS[format];
  if (!formatter) throw new Error(`unknown format "${format}"; use one of ${Object.keys(FORMATTERS).join(", ")}`);
  const cwd = options.cwd ?? process.cwd();
  return formatter(results, { cwd, color: options.color ?? false, rules: RULES, version: VERSION, sarifBase: options.sarifBase ? resolve3(cwd, options.sarifBase) : void 0 });
}
export {
  Model,
  READS,
  RULES,
  VERSION,
  createProcessor2 as createProcessor,
  defineRule,
  formatResults,
  lint2 as lint,
  meshRulePlugin,
  reads,
  registerRule
};
//# sourceMappingURL=index.js.map
