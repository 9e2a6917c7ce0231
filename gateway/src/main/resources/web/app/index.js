// The console's entry point (the Web Bundler's "app" bundle): its stylesheet and its root element.
import './console.css';
import './console.js';
