using System;
using System.Collections.Generic;
using System.Globalization;
using Xunit;

namespace Ipenergy.Probe.Tests.Templates
{
    /// <summary>
    /// Evaluates the subset of Zabbix 6.0 trigger expressions the e-Probe templates use, to replay a template's
    /// triggers on values read from a running e-Probe: last(/host/key) (values supplied by the caller), user
    /// macros (the template's defaults), numbers, + - * /, comparisons (= &lt;&gt; &lt; &lt;= &gt; &gt;=, true = 1) and
    /// and / or / not, with Zabbix's precedence. Anything else (another function) fails the test.
    /// </summary>
    public sealed class ZabbixExpression
    {
        private readonly string _text;
        private readonly Func<string, string, double> _item;
        private readonly IDictionary<string, string> _macros;
        private int _pos;

        private ZabbixExpression(string text, Func<string, string, double> item, IDictionary<string, string> macros)
        {
            _text = text;
            _item = item;
            _macros = macros;
        }

        /// <summary>True when the expression is non-zero with these item values (host, key) and macro values.</summary>
        public static bool IsTrue(string expression, Func<string, string, double> item, IDictionary<string, string> macros)
        {
            var e = new ZabbixExpression(expression, item, macros);
            double v = e.Or();
            e.Space();
            Assert.True(e._pos == expression.Length, "cannot evaluate past position " + e._pos + " of " + expression);
            return v != 0;
        }

        private double Or()
        {
            double v = And();
            while (Word("or"))
            {
                double r = And();
                v = (v != 0 || r != 0) ? 1 : 0;
            }

            return v;
        }

        private double And()
        {
            double v = Equality();
            while (Word("and"))
            {
                double r = Equality();
                v = (v != 0 && r != 0) ? 1 : 0;
            }

            return v;
        }

        private double Equality()
        {
            double v = Relation();
            while (true)
            {
                if (Symbol("<>"))
                {
                    v = Math.Abs(v - Relation()) >= 0.000001 ? 1 : 0;
                }
                else if (Symbol("="))
                {
                    v = Math.Abs(v - Relation()) < 0.000001 ? 1 : 0;
                }
                else
                {
                    return v;
                }
            }
        }

        private double Relation()
        {
            double v = Sum();
            while (true)
            {
                if (Symbol("<="))
                {
                    v = v <= Sum() ? 1 : 0;
                }
                else if (Symbol(">="))
                {
                    v = v >= Sum() ? 1 : 0;
                }
                else if (PeekSymbol("<>"))
                {
                    return v;
                }
                else if (Symbol("<"))
                {
                    v = v < Sum() ? 1 : 0;
                }
                else if (Symbol(">"))
                {
                    v = v > Sum() ? 1 : 0;
                }
                else
                {
                    return v;
                }
            }
        }

        private double Sum()
        {
            double v = Product();
            while (true)
            {
                if (Symbol("+"))
                {
                    v += Product();
                }
                else if (Symbol("-"))
                {
                    v -= Product();
                }
                else
                {
                    return v;
                }
            }
        }

        private double Product()
        {
            double v = Unary();
            while (true)
            {
                if (Symbol("*"))
                {
                    v *= Unary();
                }
                else if (Symbol("/"))
                {
                    double d = Unary();
                    Assert.True(d != 0, "division by zero in " + _text);
                    v /= d;
                }
                else
                {
                    return v;
                }
            }
        }

        private double Unary()
        {
            if (Symbol("-"))
            {
                return -Unary();
            }

            if (Word("not"))
            {
                return Unary() == 0 ? 1 : 0;
            }

            return Primary();
        }

        private double Primary()
        {
            Space();
            if (Symbol("("))
            {
                double v = Or();
                Assert.True(Symbol(")"), "missing ) in " + _text);
                return v;
            }

            if (_text.AsSpan(_pos).StartsWith("{$"))
            {
                int end = _text.IndexOf('}', _pos);
                string macro = _text.Substring(_pos, end - _pos + 1);
                _pos = end + 1;
                Assert.True(_macros.ContainsKey(macro), "no value for " + macro);
                return double.Parse(_macros[macro], CultureInfo.InvariantCulture);
            }

            if (_text.AsSpan(_pos).StartsWith("last(/"))
            {
                int start = _pos + "last(".Length;
                var (host, key) = ZabbixTemplateFile.References(_text.Substring(_pos))[0];
                _pos = start + 1 + host.Length + 1 + key.Length;
                Assert.True(Symbol(")"), "last() with parameters is not replayed: " + _text);
                return _item(host, key);
            }

            int begin = _pos;
            while (_pos < _text.Length && (char.IsDigit(_text[_pos]) || _text[_pos] == '.'))
            {
                _pos++;
            }

            Assert.True(_pos > begin, "cannot evaluate '" + _text.Substring(begin) + "' in " + _text);
            return double.Parse(_text.Substring(begin, _pos - begin), CultureInfo.InvariantCulture);
        }

        private void Space()
        {
            while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
            {
                _pos++;
            }
        }

        private bool PeekSymbol(string s)
        {
            Space();
            return string.CompareOrdinal(_text, _pos, s, 0, s.Length) == 0;
        }

        private bool Symbol(string s)
        {
            if (PeekSymbol(s))
            {
                _pos += s.Length;
                return true;
            }

            return false;
        }

        private bool Word(string w)
        {
            Space();
            if (string.CompareOrdinal(_text, _pos, w, 0, w.Length) == 0
                && (_pos + w.Length == _text.Length || !char.IsLetterOrDigit(_text[_pos + w.Length])))
            {
                _pos += w.Length;
                return true;
            }

            return false;
        }
    }
}
