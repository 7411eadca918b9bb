<?php
// Checks a Zabbix template export with the Zabbix 6.0 frontend's own import code, without a server or database:
// C60XmlValidator (tags, constants, required fields), CExpressionParser (every expression and recovery
// expression, 6.0 syntax) and CItemKey (every item key). Run through check-import.sh, which converts the YAML
// to JSON first (the frontend's YAML reader needs php-yaml).
//
//   php check-import.php /usr/share/zabbix export.json
$root = rtrim($argv[1], '/');
$file = $argv[2];
require $root . '/include/defines.inc.php';
// gettext stand-ins: messages only.
if (!function_exists('_')) {
    function _($s) { return $s; }
}
function _s($s, ...$args) { return vsprintf(preg_replace('/%\d+\$s/', '%s', $s), $args); }
function _n($one, $many, $n) { return $n == 1 ? $one : $many; }
function _x($s, $context) { return $s; }

$classes = [];
foreach (new RecursiveIteratorIterator(new RecursiveDirectoryIterator($root . '/include/classes')) as $f) {
    if (substr($f, -4) === '.php') {
        $classes[basename($f, '.php')] = (string) $f;
    }
}
spl_autoload_register(function ($class) use ($classes) {
    if (isset($classes[$class])) {
        require $classes[$class];
    }
});
foreach (['/include/func.inc.php', '/include/items.inc.php', '/include/triggers.inc.php', '/include/validate.inc.php'] as $f) {
    if (file_exists($root . $f)) {
        require_once $root . $f;
    }
}

$data = json_decode(file_get_contents($file), true);
try {
    $data = (new CXmlValidator(new CImportValidatorFactory('yaml'), 'yaml'))->setStrict(true)->validate($data, '');
}
catch (Exception $e) {
    echo basename($file) . ": REJECTED by C60XmlValidator: " . $e->getMessage() . "\n";
    exit(1);
}

$expressions = 0;
$keys = 0;
$errors = 0;
$walk = function ($node) use (&$walk, &$expressions, &$keys, &$errors) {
    if (!is_array($node)) {
        return;
    }
    foreach ($node as $name => $value) {
        if (($name === 'expression' || $name === 'recovery_expression') && is_string($value)) {
            $expressions++;
            $parser = new CExpressionParser(['usermacros' => true, 'lldmacros' => true]);
            if ($parser->parse($value) != CParser::PARSE_SUCCESS) {
                $errors++;
                echo "bad expression: $value\n  " . $parser->getError() . "\n";
            }
        }
        elseif ($name === 'key' && is_string($value)) {
            $keys++;
            $parser = new CItemKey();
            if ($parser->parse($value) != CParser::PARSE_SUCCESS) {
                $errors++;
                echo "bad item key: $value\n  " . $parser->getError() . "\n";
            }
        }
        else {
            $walk($value);
        }
    }
};
$walk($data);
echo basename($file) . ": accepted by C60XmlValidator; $expressions expressions (CExpressionParser) and $keys item keys (CItemKey), $errors rejected\n";
exit($errors ? 1 : 0);
