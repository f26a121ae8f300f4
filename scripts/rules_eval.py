"""Reference evaluator for the Backscreen rulesets (forms/rules/*.json), python3 stdlib only.

Written to check the ruleset data and its test cases before the C++ engine exists; the C++ engine is
the product. The semantics implemented here are the ones documented in forms/rules/README.md:

* red flags (`evaluation.mode` "three-valued"): every rule is evaluated with Kleene's strong
  three-valued logic; an unanswered input is unknown; counts built as `+` of `if` become intervals;
* pattern screens (`evaluation.mode` "first-match"): plain two-valued JsonLogic where an unanswered
  input is null; the outcome rules of a screen are tried in `order` and the first that holds decides.

The evaluator is strict on purpose: it refuses operators outside the documented subset and, in the
two-valued mode, refuses to compare null with a number (the ruleset must guard such comparisons),
so a ruleset that leans on JavaScript coercions fails here instead of silently in C++.
"""

import json
import os

TIER_RANK = {"NONE": 0, "MONITOR": 1, "INCOMPLETE": 2, "SOON": 3, "URGENT": 4, "EMERGENCY": 5}
REFERRAL_TIERS = ("SOON", "URGENT", "EMERGENCY")

OPERATORS = {"var", "==", "!=", "===", "!==", "<", "<=", ">", ">=", "and", "or", "!", "!!", "if",
             "in", "+", "missing", "missing_some"}


class EvalError(Exception):
    pass


class _Unknown:
    """The third truth value (and any unknown non-numeric value)."""

    def __repr__(self):
        return "UNKNOWN"


U = _Unknown()


class Interval:
    """An unknown number known to lie in [lo, hi] (lo < hi): a count with unanswered terms."""

    def __init__(self, lo, hi):
        self.lo, self.hi = lo, hi

    def __repr__(self):
        return "Interval(%r, %r)" % (self.lo, self.hi)


def _is_num(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _bounds(x):
    if isinstance(x, Interval):
        return x.lo, x.hi
    return x, x


def truthy(x):
    """JsonLogic truthiness, extended: UNKNOWN, and an interval spanning 0, are UNKNOWN."""
    if x is U:
        return U
    if isinstance(x, Interval):
        if x.lo > 0 or x.hi < 0:
            return True
        return U
    if x is None or x is False:
        return False
    if x is True:
        return True
    if _is_num(x):
        return x != 0
    if isinstance(x, str):
        return x != ""
    if isinstance(x, list):
        return len(x) > 0
    raise EvalError("truthiness of unsupported value %r" % (x,))


def _join(a, b):
    """Value of `if` when its condition is unknown: what both branches have in common."""
    if a is not U and b is not U and not isinstance(a, Interval) and not isinstance(b, Interval):
        if type(a) is type(b) and a == b:
            return a
    if (_is_num(a) or isinstance(a, Interval)) and (_is_num(b) or isinstance(b, Interval)):
        alo, ahi = _bounds(a)
        blo, bhi = _bounds(b)
        return Interval(min(alo, blo), max(ahi, bhi))
    return U


def _loose_eq(a, b):
    """JsonLogic `==` restricted to the value kinds our rulesets compare."""
    if a is None or b is None:
        return a is None and b is None
    if _is_num(a) and _is_num(b):
        return a == b
    if type(a) is not type(b):
        raise EvalError("== between %r and %r relies on type coercion" % (a, b))
    return a == b


def _strict_eq(a, b):
    if _is_num(a) and _is_num(b):
        return a == b
    return type(a) is type(b) and a == b


class Evaluator:
    """Evaluates one ruleset's JsonLogic. three_valued=True for red flags."""

    def __init__(self, derived, three_valued, context_ids=()):
        self.derived = derived  # id -> logic
        self.three_valued = three_valued
        self.context_ids = set(context_ids)

    def evaluate(self, logic, data):
        return self._ev(logic, data)

    def _ev(self, node, data):
        if isinstance(node, list):
            return [self._ev(x, data) for x in node]
        if not isinstance(node, dict):
            return node
        if len(node) != 1:
            raise EvalError("operation object with %d keys" % len(node))
        (op, args), = node.items()
        if op not in OPERATORS:
            raise EvalError("operator %r is not in the standard subset" % op)
        if not isinstance(args, list):
            args = [args]
        return getattr(self, "_op_" + {
            "var": "var", "==": "eq", "!=": "ne", "===": "seq", "!==": "sne", "<": "lt", "<=": "le",
            ">": "gt", ">=": "ge", "and": "and", "or": "or", "!": "not", "!!": "truth", "if": "if",
            "in": "in", "+": "plus", "missing": "missing", "missing_some": "missing_some"}[op])(args, data)

    # --- data access -------------------------------------------------------------------------
    def _op_var(self, args, data):
        name = args[0] if args else ""
        has_default = len(args) > 1
        if not isinstance(name, str) or name == "":
            raise EvalError("var needs a non-empty name, got %r" % (name,))
        if name in self.derived:
            if has_default:
                raise EvalError("var %r: a derived item takes no default" % name)
            return self._ev(self.derived[name], data)
        value = data.get(name)
        if value is None:
            if has_default:
                return args[1]
            return U if (self.three_valued and name not in self.context_ids) else None
        return value

    def _op_missing(self, args, data):
        if self.three_valued:
            raise EvalError("missing is not used in three-valued rules")
        keys = args[0] if len(args) == 1 and isinstance(args[0], list) else args
        return [k for k in keys if data.get(k) is None or data.get(k) == ""]

    def _op_missing_some(self, args, data):
        if self.three_valued:
            raise EvalError("missing_some is not used in three-valued rules")
        need, keys = args
        missing = [k for k in keys if data.get(k) is None or data.get(k) == ""]
        return [] if len(keys) - len(missing) >= need else missing

    # --- logic -------------------------------------------------------------------------------
    def _op_and(self, args, data):
        result = True
        for a in args:
            t = truthy(self._ev(a, data))
            if t is False:
                return False
            if t is U:
                result = U
        return result

    def _op_or(self, args, data):
        result = False
        for a in args:
            t = truthy(self._ev(a, data))
            if t is True:
                return True
            if t is U:
                result = U
        return result

    def _op_not(self, args, data):
        t = truthy(self._ev(args[0], data))
        return U if t is U else (not t)

    def _op_truth(self, args, data):
        return truthy(self._ev(args[0], data))

    def _op_if(self, args, data):
        if len(args) == 0:
            return None
        if len(args) == 1:
            return self._ev(args[0], data)
        t = truthy(self._ev(args[0], data))
        if t is True:
            return self._ev(args[1], data)
        rest = self._op_if(args[2:], data)
        if t is False:
            return rest
        return _join(self._ev(args[1], data), rest)

    # --- comparison --------------------------------------------------------------------------
    def _cmp(self, args, data, test):
        if len(args) != 2:
            raise EvalError("comparisons take exactly two operands in our rulesets")
        a, b = self._ev(args[0], data), self._ev(args[1], data)
        if a is U or b is U:
            return U
        for x in (a, b):
            if not (_is_num(x) or isinstance(x, Interval)):
                raise EvalError("comparison operand %r is not a number" % (x,))
        alo, ahi = _bounds(a)
        blo, bhi = _bounds(b)
        # test(a, b) is monotone; it holds for every pair iff it holds at the worst corner.
        always = test(ahi, blo) if test in (_LT, _LE) else test(alo, bhi)
        never = not (test(alo, bhi) if test in (_LT, _LE) else test(ahi, blo))
        if always:
            return True
        if never:
            return False
        return U

    def _op_lt(self, args, data):
        return self._cmp(args, data, _LT)

    def _op_le(self, args, data):
        return self._cmp(args, data, _LE)

    def _op_gt(self, args, data):
        return self._cmp(args, data, _GT)

    def _op_ge(self, args, data):
        return self._cmp(args, data, _GE)

    def _equality(self, args, data, eq):
        a, b = self._ev(args[0], data), self._ev(args[1], data)
        if a is U or b is U:
            return U
        if isinstance(a, Interval) or isinstance(b, Interval):
            if isinstance(a, Interval) and isinstance(b, Interval):
                return U
            iv, n = (a, b) if isinstance(a, Interval) else (b, a)
            return U if iv.lo <= n <= iv.hi else False
        return eq(a, b)

    def _op_eq(self, args, data):
        return self._equality(args, data, _loose_eq)

    def _op_ne(self, args, data):
        r = self._equality(args, data, _loose_eq)
        return U if r is U else (not r)

    def _op_seq(self, args, data):
        return self._equality(args, data, _strict_eq)

    def _op_sne(self, args, data):
        r = self._equality(args, data, _strict_eq)
        return U if r is U else (not r)

    def _op_in(self, args, data):
        a, b = self._ev(args[0], data), self._ev(args[1], data)
        if a is U or b is U:
            return U
        if isinstance(b, list):
            return any(_strict_eq(a, x) for x in b)
        if isinstance(b, str) and isinstance(a, str):
            return a in b
        return False

    def _op_plus(self, args, data):
        lo = hi = 0
        for a in args:
            x = self._ev(a, data)
            if x is U:
                return U
            if not (_is_num(x) or isinstance(x, Interval)):
                raise EvalError("+ operand %r is not a number" % (x,))
            xlo, xhi = _bounds(x)
            lo, hi = lo + xlo, hi + xhi
        return lo if lo == hi else Interval(lo, hi)


def _LT(a, b):
    return a < b


def _LE(a, b):
    return a <= b


def _GT(a, b):
    return a > b


def _GE(a, b):
    return a >= b


# --- whole rulesets --------------------------------------------------------------------------

def repo_root():
    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load_rulesets(root=None):
    root = root or repo_root()
    out = {}
    for name in ("redflags", "sij-radicular", "lcs"):
        with open(os.path.join(root, "forms", "rules", name + ".json"), encoding="utf-8") as f:
            rs = json.load(f)
        out[rs["id"]] = rs
    return out


def derived_map(ruleset):
    return {d["id"]: d["logic"] for d in ruleset.get("derived", [])}


def clean_answers(answers):
    """Unanswered = key absent; a JSON null is treated as absent."""
    return {k: v for k, v in answers.items() if v is not None}


def evaluate_redflags(rs, answers):
    ev = Evaluator(derived_map(rs), three_valued=True)
    fired, not_eval = [], []
    for rule in rs["rules"]:
        t = truthy(ev.evaluate(rule["logic"], answers))
        if t is True:
            fired.append(rule)
        elif t is U:
            not_eval.append(rule)
    top = max((TIER_RANK[r["tier"]] for r in fired), default=0)
    if top >= TIER_RANK["SOON"]:
        triage = [k for k, v in TIER_RANK.items() if v == top][0]
    elif not_eval:
        triage = "INCOMPLETE"
    elif fired:
        triage = "MONITOR"
    else:
        triage = "NONE"
    missing = sorted({i for r in not_eval for i in r["requires"] if i not in answers})
    return {
        "triage": triage,
        "fired": [r["id"] for r in fired],
        "notEvaluable": [r["id"] for r in not_eval],
        "missing": missing,
        "programBlocked": triage in ("SOON", "URGENT", "EMERGENCY", "INCOMPLETE"),
    }


def evaluate_screens(rs, answers, context):
    """Evaluates every screen of a first-match ruleset; returns {screen: result} and updates context."""
    ctx_ids = [c["id"] for c in rs.get("context", [])]
    ev = Evaluator(derived_map(rs), three_valued=False, context_ids=ctx_ids)
    rules = {r["id"]: r for r in rs["rules"]}
    results = {}
    for screen in rs["evaluation"]["screens"]:
        data = dict(answers)
        data.update(context)
        decided = None
        for rid in screen["order"]:
            if truthy(ev.evaluate(rules[rid]["logic"], data)) is True:
                decided = rules[rid]
                break
        if decided is None:
            raise EvalError("screen %s: no rule decided" % screen["screen"])
        fired = [decided["id"]]
        for group in screen.get("alsoReport", []):
            if decided["id"] in group:
                for rid in group:
                    if rid != decided["id"] and truthy(ev.evaluate(rules[rid]["logic"], data)) is True:
                        fired.append(rid)
        value = decided["outcome"]
        names = []
        if value != "SUPPRESSED":
            for r in rs["rules"]:
                if r.get("kind") != "note" or r["screen"] != screen["screen"]:
                    continue
                if r.get("attachedTo") not in (None, decided["id"]):
                    continue
                if truthy(ev.evaluate(r["logic"], data)) is True:
                    fired.append(r["id"])
            for r in [rules[f] for f in fired]:
                for n in r.get("names", []):
                    if truthy(ev.evaluate(n["logic"], data)) is True:
                        names.append(n["item"])
        provisional = truthy(ev.evaluate(screen["provisionalWhen"], data)) is True
        report = {d: ev.evaluate({"var": d}, data) for d in screen.get("report", [])}
        results[screen["screen"]] = {"value": value, "fired": fired, "provisional": provisional,
                                     "names": names, "report": report}
        context[screen["screen"]] = value
    return results


def evaluate_session(rulesets, answers):
    answers = clean_answers(answers)
    rf = evaluate_redflags(rulesets["redflags"], answers)
    context = {"triage": rf["triage"]}
    screens = {}
    screens.update(evaluate_screens(rulesets["sij_radicular"], answers, context))
    screens.update(evaluate_screens(rulesets["lcs"], answers, context))
    fired = list(rf["fired"])
    for s in screens.values():
        fired.extend(s["fired"])
    return {
        "triage": rf["triage"],
        "fired": sorted(fired),
        "notEvaluable": sorted(rf["notEvaluable"]),
        "missing": rf["missing"],
        "programBlocked": rf["programBlocked"],
        "patterns": {k: screens[k]["value"] for k in ("sij", "radicular", "lcs")},
        "provisional": sorted(k for k in ("sij", "radicular", "lcs") if screens[k]["provisional"]),
        "_screens": screens,
    }
